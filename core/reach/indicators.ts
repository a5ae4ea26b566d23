// The plan's dashboard figures (/tableau-de-bord and /api/export/indicateurs), counted
// from the published listings, the moderation records and the guides; only the City's
// own figures (city-figures.ts) are typed by hand, and shown as the City's. One function
// computes them all, so the page and the exports never disagree.
import type { GuideRef } from '../content/guides.ts';
import { escapeCell, writeCsv } from '../csv.ts';
import type { ContentModel, Initiative } from '../model/index.ts';
import type { CityFigure } from './city-figures.ts';

/** A proposal as the dashboard counts it: when it came, when it was first decided. */
export interface ProposalDates {
  receivedAt: string;
  decidedAt?: string;
}

export interface IndicatorInputs {
  model: ContentModel;
  initiatives: Iterable<Initiative>;
  proposals: readonly ProposalDates[];
  guides: readonly GuideRef[];
  city: readonly CityFigure[];
  now: Date;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Indicators {
  generatedAt: string;
  listings: {
    /** Published (active) listings. */
    total: number;
    /** Of which demonstration examples (not real places). */
    demo: number;
    byKind: Count[];
    /** Every commune of the territory, listings or not (a gap is a figure too). */
    byCommune: (Count & { permanences: number; wifi: number })[];
  };
  /** Permanences « aide numérique » by section (each section has its maison communale). */
  permanencesBySection: Count[];
  wifiPlaces: number;
  upcoming: { trainings: number; events: number };
  freshness: { checkedLast12Months: number; total: number; share: number | null };
  proposals: { received: number; decided: number; waiting: number; medianHoursToDecision: number | null };
  guides: { total: number; checkedLast12Months: number; share: number | null; list: { title: string; url: string; verified?: string }[] };
  city: CityFigure[];
}

function yearBefore(now: Date): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

const share = (part: number, total: number): number | null => (total ? Math.round((part / total) * 1000) / 10 : null);

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function computeIndicators({ model, initiatives, proposals, guides, city, now }: IndicatorInputs): Indicators {
  const active = [...initiatives].filter((i) => i.status === 'active');
  const today = now.toISOString().slice(0, 10);
  const since = yearBefore(now);
  const v = model.vocabularies;

  const kinds = new Map(v.kinds.map((k) => [k.slug, 0]));
  for (const i of active) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);

  // One pass over the listings (10,000 of them are counted after every decision).
  const perCommune = new Map(model.territory.communes.map((c) => [c.slug, { count: 0, permanences: 0, wifi: 0 }]));
  for (const i of active) {
    const counts = perCommune.get(i.address.commune);
    if (!counts) continue;
    counts.count += 1;
    if (i.kind === 'permanence') counts.permanences += 1;
    if (i.kind === 'wifi') counts.wifi += 1;
  }
  const byCommune = model.territory.communes.map((c) => ({ key: c.slug, label: c.name, count: 0, permanences: 0, wifi: 0, ...perCommune.get(c.slug) }));

  const sections = new Map<string, Count>();
  for (const i of active.filter((x) => x.kind === 'permanence')) {
    const key = `${i.address.postcode} ${i.address.locality}`;
    const entry = sections.get(key) ?? { key, label: `${i.address.locality} (${i.address.postcode})`, count: 0 };
    entry.count += 1;
    sections.set(key, entry);
  }

  const isUpcoming = (i: Initiative) => Boolean(i.period && (i.period.end ?? i.period.start) >= today);
  const checked = active.filter((i) => i.updated >= since).length;

  const decisionHours = proposals.flatMap((p) => (p.decidedAt ? [(Date.parse(p.decidedAt) - Date.parse(p.receivedAt)) / 3_600_000] : []));
  const medianHours = median(decisionHours.filter((h) => Number.isFinite(h) && h >= 0));

  const guidesChecked = guides.filter((g) => g.verified && g.verified >= since).length;

  return {
    generatedAt: now.toISOString(),
    listings: {
      total: active.length,
      demo: active.filter((i) => i.source.origin === 'demo').length,
      byKind: [...kinds].map(([key, count]) => ({ key, label: v.label('kinds', key), count })),
      byCommune,
    },
    permanencesBySection: [...sections.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr')),
    wifiPlaces: kinds.get('wifi') ?? 0,
    upcoming: {
      trainings: active.filter((i) => i.kind === 'formation' && isUpcoming(i)).length,
      events: active.filter((i) => i.kind === 'evenement' && isUpcoming(i)).length,
    },
    freshness: { checkedLast12Months: checked, total: active.length, share: share(checked, active.length) },
    proposals: {
      received: proposals.length,
      decided: decisionHours.length,
      waiting: proposals.length - decisionHours.length,
      medianHoursToDecision: medianHours === null ? null : Math.round(medianHours * 10) / 10,
    },
    guides: {
      total: guides.length,
      checkedLast12Months: guidesChecked,
      share: share(guidesChecked, guides.length),
      list: guides.map((g) => ({ title: g.title, url: g.url, ...(g.verified ? { verified: g.verified } : {}) })),
    },
    city: [...city],
  };
}

/** One line per figure: what the CSV export holds, and what the JSON lists under `figures`. */
export interface FlatFigure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  source: string;
  date: string;
}

export function flattenIndicators(ind: Indicators): FlatFigure[] {
  const counted = (id: string, label: string, value: number | null, unit: string): FlatFigure => ({
    id,
    label,
    value,
    unit,
    source: 'Passerelle (calculé)',
    date: ind.generatedAt.slice(0, 10),
  });
  return [
    counted('lieux', 'Lieux publiés', ind.listings.total, 'lieux'),
    counted('lieux-exemples', 'Dont exemples de démonstration', ind.listings.demo, 'lieux'),
    ...ind.listings.byKind.map((k) => counted(`lieux-type-${k.key}`, `Lieux : ${k.label}`, k.count, 'lieux')),
    ...ind.listings.byCommune.map((c) => counted(`lieux-commune-${c.key}`, `Lieux à ${c.label}`, c.count, 'lieux')),
    ...ind.permanencesBySection.map((s) =>
      counted(`permanences-${s.key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, `Permanences à ${s.label}`, s.count, 'permanences'),
    ),
    counted('wifi', 'Lieux avec WiFi gratuit', ind.wifiPlaces, 'lieux'),
    counted('formations-a-venir', 'Formations à venir ou en cours', ind.upcoming.trainings, 'formations'),
    counted('evenements-a-venir', 'Événements à venir', ind.upcoming.events, 'événements'),
    counted('lieux-verifies-12-mois', 'Lieux vérifiés ces 12 derniers mois', ind.freshness.checkedLast12Months, 'lieux'),
    counted('lieux-verifies-12-mois-part', 'Part des lieux vérifiés ces 12 derniers mois', ind.freshness.share, '%'),
    counted('propositions-recues', 'Propositions reçues', ind.proposals.received, 'propositions'),
    counted('propositions-decidees', 'Propositions décidées', ind.proposals.decided, 'propositions'),
    counted('propositions-en-attente', 'Propositions en attente', ind.proposals.waiting, 'propositions'),
    counted('delai-median-decision', 'Délai médian avant décision', ind.proposals.medianHoursToDecision, 'heures'),
    counted('guides', 'Guides pas à pas', ind.guides.total, 'guides'),
    counted('guides-verifies-12-mois', 'Guides vérifiés ces 12 derniers mois', ind.guides.checkedLast12Months, 'guides'),
    ...ind.city.map((c) => ({
      id: c.id,
      label: c.label,
      value: c.value,
      unit: c.unit,
      source: `Ville de Charleroi : ${c.source.title}${c.source.url ? ` ${c.source.url}` : ''}`,
      date: c.date,
    })),
  ];
}

const CSV_COLUMNS = ['id', 'label', 'value', 'unit', 'source', 'date'] as const;

/** The figures as CSV, one line each, cells inert for spreadsheets. */
export function indicatorsCsv(figures: readonly FlatFigure[]): string {
  return writeCsv(
    CSV_COLUMNS,
    figures.map((f) => [f.id, f.label, f.value === null ? '' : String(f.value), f.unit, f.source, f.date].map(escapeCell)),
  );
}
