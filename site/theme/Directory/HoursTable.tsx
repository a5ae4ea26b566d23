// Opening hours as a weekly table, Monday first, in the words of core/hours/format.ts (one
// format everywhere; the spaces inside a time are non-breaking, so « 12 h 30 » never
// wraps). Today's row is marked on screen by the page's script ("today" is the reader's,
// not the build's); the printed sheet shows the plain week, true whatever the day.
import type React from 'react';
import type { InitiativeView } from '../../directory/view-model.ts';

export default function HoursTable({ hours }: { hours: NonNullable<InitiativeView['hours']> }): React.JSX.Element {
  return (
    <>
      {hours.alwaysOpen ? (
        <p>Ouvert tous les jours, 24 heures sur 24.</p>
      ) : (
        <table className="horaires">
          <caption className="sr-only">Horaires d'une semaine habituelle</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Heures</th>
            </tr>
          </thead>
          <tbody>
            {hours.week.map((d) => (
              <tr key={d.name} data-jour={d.day + 1} className={d.closed ? 'horaires__ferme' : undefined}>
                <th scope="row">{d.name.charAt(0).toUpperCase() + d.name.slice(1)}</th>
                <td>{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hours.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </>
  );
}
