// The embeddable directory's few words in the partner page's language, and the shape of
// one entry: shared by the server (iframe page, JSON) and the widget's script. Pure.

export const WIDGET_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

export interface WidgetEntry {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  address: string;
  metres?: number;
  openNow: boolean | null;
  /** Next opening (epoch ms) within a week, when not open now. */
  nextOpening?: number;
}

/** The language of the widget's labels: the partner page's (`fr-BE` → `fr`), French otherwise. */
export function widgetLanguage(value: string | undefined): WidgetLanguage {
  const base = (value ?? '').toLowerCase().slice(0, 2);
  return (WIDGET_LANGUAGES as readonly string[]).includes(base) ? (base as WidgetLanguage) : 'fr';
}

/** The few words of the widget, in the partner page's language. */
export const WIDGET_LABELS: Record<
  WidgetLanguage,
  { title: string; open: string; closed: string; next: string; none: string; more: string; newTab: string; at: string }
> = {
  fr: {
    title: 'Aide numérique près de chez vous',
    open: 'Ouvert maintenant',
    closed: 'Fermé maintenant',
    next: 'Prochaine ouverture',
    none: 'Aucun lieu trouvé.',
    more: 'Tous les lieux sur Passerelle',
    newTab: '(nouvel onglet)',
    at: 'à',
  },
  nl: {
    title: 'Digitale hulp in uw buurt',
    open: 'Nu open',
    closed: 'Nu gesloten',
    next: 'Volgende opening',
    none: 'Geen plaats gevonden.',
    more: 'Alle plaatsen op Passerelle',
    newTab: '(nieuw tabblad)',
    at: 'op',
  },
  en: {
    title: 'Digital help near you',
    open: 'Open now',
    closed: 'Closed now',
    next: 'Next opening',
    none: 'No place found.',
    more: 'All places on Passerelle',
    newTab: '(new tab)',
    at: 'at',
  },
  de: {
    title: 'Digitale Hilfe in Ihrer Nähe',
    open: 'Jetzt geöffnet',
    closed: 'Jetzt geschlossen',
    next: 'Nächste Öffnung',
    none: 'Kein Ort gefunden.',
    more: 'Alle Orte auf Passerelle',
    newTab: '(neuer Tab)',
    at: 'in',
  },
};
