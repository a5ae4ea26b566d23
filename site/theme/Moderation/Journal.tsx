// The decision log in French: when, who, what (« Nouvelle fiche publiée (modifiée par le
// modérateur) », « Signalement : fiche archivée »), the listing named and linked, the
// message given. Never an action code or a submission identifier.
import type { ReactNode } from 'react';
import type { AuditView } from '../../../core/wire/moderation.ts';
import { when } from './api.ts';

export default function Journal({ entries }: { entries: AuditView[] }): ReactNode {
  return (
    <section aria-labelledby="journal-titre">
      <h2 id="journal-titre" tabIndex={-1}>
        Journal des décisions
      </h2>
      {entries.length === 0 ? (
        <p>Aucune décision pour le moment.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; the keyboard must reach it (WCAG 2.1.1).
        <div className="tableau-defilant" tabIndex={0} role="region" aria-labelledby="journal-titre">
          <table>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Décision</th>
                <th scope="col">Fiche</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.at}-${e.submission}-${e.action}`}>
                  <td>{when(e.at)}</td>
                  <td>{e.by}</td>
                  <td>{e.label}</td>
                  <td>{e.url ? <a href={e.url}>{e.name}</a> : (e.name ?? '—')}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
