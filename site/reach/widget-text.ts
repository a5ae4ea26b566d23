// The state of a place in the widget (« Ouvert maintenant », « Prochaine ouverture : Mardi
// à 9 h »), in the partner page's language. Pure: the iframe page and the script share it.
import { formatClock } from '../../core/hours/format.ts';
import { WIDGET_LABELS, type WidgetEntry, type WidgetLanguage } from '../../core/reach/widget-labels.ts';

/** « Mardi à 9 h » in French; the partner's language otherwise. */
export function nextOpeningText(at: number, lang: WidgetLanguage): string {
  const date = new Date(at);
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-BE' : lang, { weekday: 'long', timeZone: 'Europe/Brussels' }).format(date);
  const time =
    lang === 'fr' ? formatClock(date) : new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }).format(date);
  return `${day.charAt(0).toUpperCase()}${day.slice(1)} ${WIDGET_LABELS[lang].at} ${time}`;
}

export function stateText(e: WidgetEntry, lang: WidgetLanguage): string | undefined {
  const l = WIDGET_LABELS[lang];
  if (e.openNow) return l.open;
  if (e.nextOpening) return `${l.next} : ${nextOpeningText(e.nextOpening, lang)}`;
  return e.openNow === false ? l.closed : undefined;
}
