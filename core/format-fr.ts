// French (fr-BE) wording of dates and periods, for pages, e-mails and exports alike.
// Pure: browser code too.

const dateFr = new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « 20 novembre 2026 » for `2026-11-20`. */
export function formatDate(iso: string): string {
  return dateFr.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** « Le 3 mars 2026 », or « Du 3 mars 2026 au 5 mars 2026 ». */
export function formatPeriod(start: string, end?: string): string {
  return end && end !== start ? `Du ${formatDate(start)} au ${formatDate(end)}` : `Le ${formatDate(start)}`;
}

const dateTimeFr = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });

/** « 20 novembre 2026 à 14:05 » for an instant (records, logs shown to people). */
export function formatDateTime(iso: string): string {
  return dateTimeFr.format(new Date(iso));
}

const monthFr = new Intl.DateTimeFormat('fr-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « juin 2021 » for `2021-06`; a full date for `2021-06-14`. */
export function formatMonthOrDate(iso: string): string {
  return iso.length === 7 ? monthFr.format(new Date(`${iso}-01T00:00:00Z`)) : formatDate(iso);
}

const numberFr = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 1 });

/** « 74,5 % » (a no-break space before the sign, as French writes it). */
export function formatPercent(value: number): string {
  return `${numberFr.format(value)}\u00a0%`;
}

/** A waiting time in words: « moins d’une heure », « 5 heures », « 3 jours ». */
export function formatHours(hours: number): string {
  if (hours < 1) return 'moins d’une heure';
  if (hours < 48) {
    const h = Math.round(hours);
    return `${h}\u00a0heure${h > 1 ? 's' : ''}`;
  }
  return `${Math.round(hours / 24)}\u00a0jours`;
}
