// /recherche: results of the navbar search. Guides and curriculum sections first (what an
// aidant looks for), then places, all from one /api/search?scope=all call. Plain French
// states, announced politely. The query is read after hydration (the static HTML has none),
// so the first render matches the server's.

import Link from '@docusaurus/Link';
import { useHistory, useLocation } from '@docusaurus/router';
import Layout from '@theme/Layout';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { sitePaths } from '../../core/urls.ts';
import type { DocHit, SearchHit } from '../../core/wire/search.ts';
import GuideList from '../theme/SiteSearch/GuideList.tsx';

/** Guides open without reloading the page. */
const DocusaurusAnchor = ({ href, children }: { href: string; children: ReactNode }) => <Link to={href}>{children}</Link>;

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; docs: DocHit[]; hits: SearchHit[]; total: number };

const UNAVAILABLE = 'La recherche ne répond pas pour le moment. Réessayez dans quelques minutes.';
const OFFLINE = 'La recherche ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** The answer of /api/search, checked just enough to render it safely. */
function readAnswer(status: number, body: unknown): State {
  if (status === 200 && isObject(body) && Array.isArray(body.hits)) {
    return {
      kind: 'done',
      docs: Array.isArray(body.docs) ? (body.docs as DocHit[]) : [],
      hits: body.hits as SearchHit[],
      total: typeof body.total === 'number' ? body.total : body.hits.length,
    };
  }
  if (status === 400 && isObject(body) && isObject(body.error) && typeof body.error.message === 'string') return { kind: 'error', message: body.error.message };
  return { kind: 'error', message: UNAVAILABLE };
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function statusText(state: State, q: string): string {
  switch (state.kind) {
    case 'loading':
      return 'Recherche en cours…';
    case 'error':
      return state.message;
    case 'done':
      if (!state.docs.length && !state.hits.length) return `Rien trouvé pour « ${q} ». Essayez un autre mot, plus court, ou vérifiez l'orthographe.`;
      return `Trouvé : ${plural(state.docs.length, 'page de guide ou de formation', 'pages de guides ou de formation')} et ${plural(state.total, 'lieu', 'lieux')}.`;
    default:
      return '';
  }
}

export default function Recherche(): ReactNode {
  const location = useLocation();
  const history = useHistory();
  // null until mounted: the built page is the same for every query.
  const [q, setQ] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    const value = new URLSearchParams(location.search).get('q')?.trim() ?? '';
    setQ(value);
    setTyped(value);
  }, [location.search]);

  useEffect(() => {
    if (!q) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    fetch(`/api/search?${new URLSearchParams({ q, scope: 'all', limit: '10' })}`, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!cancelled) setState(readAnswer(res.status, body));
      })
      .catch(() => {
        if (!cancelled) setState({ kind: 'error', message: OFFLINE });
      });
    return () => {
      cancelled = true;
    };
  }, [q]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = typed.trim();
    history.push(text ? `/recherche?${new URLSearchParams({ q: text })}` : '/recherche');
  };

  const done = state.kind === 'done' && (state.docs.length > 0 || state.hits.length > 0) ? state : null;

  return (
    <Layout title={q ? `Recherche : ${q}` : 'Recherche'} description="Chercher dans les guides, la formation des aidants et les lieux d'aide.">
      <main className="container margin-vert--lg">
        <h1>{q ? `Résultats pour « ${q} »` : 'Rechercher sur le site'}</h1>
        <form role="search" action="/recherche" method="get" className="recherche-page" onSubmit={onSubmit}>
          <label htmlFor="recherche-page-q">Que cherchez-vous ?</label>
          <input id="recherche-page-q" name="q" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={200} enterKeyHint="search" />
          <button type="submit" className="button button--primary">
            Chercher
          </button>
        </form>
        <p role="status" aria-live="polite" className="recherche__etat">
          {q ? statusText(state, q) : ''}
        </p>
        {done && q && (
          <>
            <section aria-labelledby="resultats-guides">
              <h2 id="resultats-guides">Guides et formation</h2>
              <GuideList docs={done.docs} q={q} Anchor={DocusaurusAnchor} />
            </section>
            <section aria-labelledby="resultats-lieux">
              <h2 id="resultats-lieux">Lieux</h2>
              {done.hits.length ? (
                <ul className="annuaire__resultats">
                  {done.hits.map((h) => (
                    <li key={h.id} className="annuaire__resultat">
                      <h3>
                        <a href={h.url}>{h.name}</a>
                      </h3>
                      <p>
                        {h.kindLabel} · {h.address.postcode} {h.address.locality}
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucun lieu ne correspond à « {q} ».</p>
              )}
              <p className="resultats-site__lien-annuaire">
                {done.hits.length ? (
                  <a href={`${sitePaths.directory}?${new URLSearchParams({ q })}`}>
                    {done.total > done.hits.length ? `Voir les ${done.total} lieux dans l'annuaire` : "Voir ces lieux dans l'annuaire"}, avec la carte et les
                    filtres
                  </a>
                ) : (
                  <a href={sitePaths.directory}>Voir tous les lieux, par commune</a>
                )}
              </p>
            </section>
          </>
        )}
      </main>
    </Layout>
  );
}
