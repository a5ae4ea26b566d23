// The embeddable directory's list, one definition for the iframe page and the script's
// JSON: filters a partner picks (commune, kinds, services, open now, language spoken),
// nearest first when the partner gives a postcode or a place, a few places only. Read from
// the published listings in memory, so the widget keeps working while search is down.
import * as z from 'zod';
import { metresBetween, type Point } from '../geo.ts';
import { openIntervals } from '../hours/evaluate.ts';
import type { ContentModel, Initiative } from '../model/index.ts';
import { lookupPlace } from '../model/places.ts';
import { type WidgetEntry, type WidgetLanguage, widgetLanguage } from './widget-labels.ts';

export * from './widget-labels.ts';

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

/** The filters, as query parameters or element attributes. Unknown values are dropped, not errors: a partner's page must never break. */
export const widgetQuerySchema = z.object({
  commune: z.string().max(60).optional(),
  kind: list.optional(),
  service: list.optional(),
  language: list.optional(),
  openNow: z
    .string()
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  near: z.string().max(60).optional(),
  limit: z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .optional(),
  lang: z.string().max(20).optional(),
});

export interface WidgetFilters {
  commune?: string;
  kinds: string[];
  services: string[];
  languages: string[];
  openNow: boolean;
  near?: { label: string; point: Point };
  limit: number;
  lang: WidgetLanguage;
}

/** Checked filters from raw query parameters: values not in the vocabularies are dropped. */
export function widgetFilters(model: ContentModel, raw: unknown): WidgetFilters {
  const parsed = widgetQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : {};
  const v = model.vocabularies;
  const near = q.near ? lookupPlace(model.territory, q.near) : undefined;
  return {
    ...(q.commune && model.territory.commune(q.commune) ? { commune: q.commune } : {}),
    kinds: (q.kind ?? []).filter((k) => v.has('kinds', k)),
    services: (q.service ?? []).filter((s) => v.has('services', s)),
    languages: (q.language ?? []).filter((l) => v.has('languages', l)),
    openNow: q.openNow ?? false,
    ...(near?.place ? { near: { label: near.place.label, point: { lat: near.place.lat, lng: near.place.lng } } } : {}),
    limit: Math.min(Math.max(q.limit ?? 5, 1), 20),
    lang: widgetLanguage(q.lang),
  };
}

const WEEK_MS = 7 * 86_400_000;

export function widgetEntries(model: ContentModel, initiatives: Iterable<Initiative>, f: WidgetFilters, now = new Date()): WidgetEntry[] {
  const matching: { i: Initiative; metres?: number }[] = [];
  for (const i of initiatives) {
    if (i.status !== 'active') continue;
    if (f.commune && i.address.commune !== f.commune) continue;
    if (f.kinds.length && !f.kinds.includes(i.kind)) continue;
    if (f.services.length && !i.services.some((s) => f.services.includes(s))) continue;
    if (f.languages.length && !i.languages.some((l) => f.languages.includes(l))) continue;
    matching.push({ i, ...(f.near ? { metres: metresBetween(f.near.point, i.geo) } : {}) });
  }
  matching.sort((a, b) => (a.metres ?? 0) - (b.metres ?? 0) || a.i.name.localeCompare(b.i.name, 'fr'));
  const out: WidgetEntry[] = [];
  // Hours are slow to evaluate: only as many as needed, in order.
  for (const { i, metres } of matching) {
    if (out.length >= f.limit) break;
    let openNow: boolean | null = null;
    let nextOpening: number | undefined;
    if (i.hours) {
      const [first] = openIntervals(i.hours, now, new Date(now.getTime() + WEEK_MS));
      openNow = Boolean(first && first[0] <= now.getTime());
      if (first && !openNow) nextOpening = first[0];
    }
    if (f.openNow && !openNow) continue;
    out.push({
      id: i.id,
      name: i.name,
      kind: i.kind,
      kindLabel: model.vocabularies.label('kinds', i.kind),
      address: `${i.address.street}, ${i.address.postcode} ${i.address.locality}`,
      ...(metres !== undefined ? { metres: Math.round(metres) } : {}),
      openNow,
      ...(nextOpening ? { nextOpening } : {}),
    });
  }
  return out;
}
