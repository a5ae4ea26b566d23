// Opening hours as a weekly table, Monday first, in the words of core/hours/format.ts.
// Today's row is marked by the page's small script (the page is static; "today" is the
// reader's, not the build's). A time never wraps inside itself.
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
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Heures</th>
            </tr>
          </thead>
          <tbody>
            {hours.week.map((d) => (
              <tr key={d.name} data-jour={d.day + 1}>
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
