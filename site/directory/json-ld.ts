// schema.org JSON-LD of an initiative, and the one safe way to put JSON inside <script>.
import type { Initiative } from '../../core/model/index.ts';
import type { InitiativeView } from './view-model.ts';

/** JSON for an inline <script>: `<`, `>`, `&` and line separators escaped so no text can close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function jsonLd(i: Initiative, view: InitiativeView, siteUrl: string): Record<string, unknown> {
  const place = {
    '@type': 'Place',
    name: i.name,
    address: {
      '@type': 'PostalAddress',
      streetAddress: i.address.street,
      postalCode: i.address.postcode,
      addressLocality: i.address.locality,
      addressRegion: 'Hainaut',
      addressCountry: 'BE',
    },
    geo: { '@type': 'GeoCoordinates', latitude: i.geo.lat, longitude: i.geo.lng },
    ...(i.hours ? { openingHours: i.hours } : {}),
  };
  const common = {
    '@context': 'https://schema.org',
    '@id': `${siteUrl}${view.url}`,
    url: `${siteUrl}${view.url}`,
    name: i.name,
    description: i.summary,
    inLanguage: i.languages,
    isAccessibleForFree: i.access.cost === 'gratuit',
    ...(i.contact?.phone ? { telephone: i.contact.phone } : {}),
    ...(i.contact?.email ? { email: i.contact.email } : {}),
  };
  const organizer = { '@type': 'Organization', name: i.organisation.name, ...(i.organisation.website ? { url: i.organisation.website } : {}) };
  if (i.period && (i.kind === 'formation' || i.kind === 'evenement')) {
    return {
      ...common,
      '@type': i.kind === 'formation' ? 'EducationEvent' : 'Event',
      startDate: i.period.start,
      ...(i.period.end ? { endDate: i.period.end } : {}),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: place,
      organizer,
    };
  }
  return { ...common, ...place, publicAccess: true };
}
