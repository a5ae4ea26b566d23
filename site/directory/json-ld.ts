// schema.org JSON-LD of an initiative (put into the page with core/html.ts' scriptJson).
import type { Initiative } from '../../core/model/index.ts';
import { initiativeUrl, type SiteUrl } from '../../core/urls.ts';
import type { InitiativeView } from './view-model.ts';

export function jsonLd(i: Initiative, view: InitiativeView, siteUrl: SiteUrl): Record<string, unknown> {
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
    '@id': initiativeUrl(siteUrl, view.id),
    url: initiativeUrl(siteUrl, view.id),
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
