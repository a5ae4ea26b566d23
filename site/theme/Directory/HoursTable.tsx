// Opening hours as a weekly table, Monday first. Today's row is marked by the page's
// small script (the page is static; "today" is the reader's, not the build's).
import React from 'react';
import type { InitiativeView } from '../../directory/view-model.ts';

const rangeText = (r: { from: string; to: string }) => `${r.from.replace(':', ' h ')} à ${r.to.replace(':', ' h ')}`;

export default function HoursTable({ hours }: { hours: NonNullable<InitiativeView['hours']> }): React.JSX.Element {
  const alwaysOpen = hours.week.every((d) => d.ranges.length === 1 && d.ranges[0].from === '00:00' && d.ranges[0].to === '24:00');
  return (
    <>
      {alwaysOpen ? (
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
            {hours.week.map((d, i) => (
              <tr key={d.day} data-jour={i + 1}>
                <th scope="row">{d.day.charAt(0).toUpperCase() + d.day.slice(1)}</th>
                <td>{d.ranges.length ? d.ranges.map(rangeText).join(', puis ') : 'Fermé'}</td>
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
