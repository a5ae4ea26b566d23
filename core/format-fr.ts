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
