// The guides a site search found, as a list: the same on the page the server answers
// (/recherche without JavaScript) and on the Docusaurus page, which passes its own link
// (client-side navigation).
import type React from 'react';
import type { ReactNode } from 'react';
import { sitePaths } from '../../../core/urls.ts';
import type { DocHit } from '../../../core/wire/search.ts';

type Anchor = (props: { href: string; children: ReactNode }) => React.JSX.Element;

const PlainAnchor: Anchor = ({ href, children }) => <a href={href}>{children}</a>;

export default function GuideList({ docs, q, Anchor = PlainAnchor }: { docs: DocHit[]; q: string; Anchor?: Anchor }): React.JSX.Element {
  if (!docs.length) {
    return (
      <p>
        Aucun guide ne parle de « {q} ». Voir <Anchor href={sitePaths.guides}>tous les guides</Anchor>.
      </p>
    );
  }
  return (
    <ul className="annuaire__resultats">
      {docs.map((d) => (
        <li key={d.url} className="annuaire__resultat">
          <h3>
            <Anchor href={d.url}>
              {d.title}
              {d.section !== d.title ? ` — ${d.section}` : ''}
            </Anchor>
          </h3>
          <p>
            {d.source === 'guides' ? 'Guide' : 'Formation des aidants'} · {d.excerpt}
          </p>
        </li>
      ))}
    </ul>
  );
}
