// /la-personne-veut: for the aidant with a citizen in front of them. What people ask, in
// their words (content/aidant/demandes.yml), each with the guide to open, the place to send
// them (a link to the directory, already filtered) and, when it helps, the number to call.
// A search box filters the list; without JavaScript the whole list is there.
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import type { KeyNumber } from '../../../core/content/aidant.ts';
import { frenchSpaces } from '../../../core/content/typography.ts';
import { sitePaths } from '../../../core/urls.ts';
import { contactHref } from './KeyNumbers.tsx';
import ListFilter, { useListFilter } from './ListFilter.tsx';

export interface AidantRequestView {
  demande: string;
  guide?: { title: string; path: string };
  lieu: { texte: string; href: string };
  aussi?: string;
  appeler: Pick<KeyNumber, 'id' | 'nom' | 'numero'>[];
}

export interface AidantRequestsData {
  themes: { titre: string; demandes: AidantRequestView[] }[];
}

const textOf = (r: AidantRequestView) =>
  [r.demande, r.guide?.title ?? '', r.lieu.texte, r.aussi ?? '', ...r.appeler.map((n) => `${n.nom} ${n.numero}`)].join(' ');

export default function AidantRequests({ data }: { data: AidantRequestsData }): ReactNode {
  const { query, setQuery, matches } = useListFilter();
  const all = data.themes.flatMap((t) => t.demandes);
  const count = all.filter((r) => matches(textOf(r))).length;
  return (
    <Layout
      title="La personne veut…"
      description="Ce que les gens demandent aux permanences, avec le guide à ouvrir, le lieu où les envoyer et le numéro à appeler."
    >
      <main className="container margin-vert--lg demandes">
        <h1>La personne veut…</h1>
        <p>
          Ce que les gens demandent souvent à une permanence «&nbsp;aide numérique&nbsp;», avec leurs mots. Pour chaque demande&nbsp;: le guide à ouvrir, le
          lieu où envoyer la personne et, si besoin, le numéro à appeler. Tous les numéros sont sur la carte{' '}
          <Link to={sitePaths.keyNumbers}>Numéros utiles</Link>, à imprimer.
        </p>
        <ListFilter
          id="demandes-q"
          label="Chercher une demande"
          listId="demandes"
          query={query}
          setQuery={setQuery}
          count={count}
          total={all.length}
          noun="demandes"
        />
        <div id="demandes">
          {data.themes.map((theme, i) => (
            <section key={theme.titre} hidden={!theme.demandes.some((r) => matches(textOf(r)))} aria-labelledby={`demandes-theme-${i}`}>
              <h2 id={`demandes-theme-${i}`}>{theme.titre}</h2>
              <ul className="demandes__liste">
                {theme.demandes.map((r) => (
                  <li key={r.demande} hidden={!matches(textOf(r))} className="demandes__demande">
                    <p className="demandes__quoi">… {frenchSpaces(r.demande)}</p>
                    <dl className="demandes__reponse">
                      {r.guide && (
                        <>
                          <dt>Le guide</dt>
                          <dd>
                            <Link to={r.guide.path}>{r.guide.title}</Link>
                          </dd>
                        </>
                      )}
                      <dt>L'envoyer</dt>
                      <dd>
                        <a href={r.lieu.href}>{frenchSpaces(r.lieu.texte)}</a>
                        {r.aussi && <span className="demandes__aussi"> Aussi&nbsp;: {frenchSpaces(r.aussi)}</span>}
                      </dd>
                      {r.appeler.length > 0 && (
                        <>
                          <dt>Appeler</dt>
                          <dd>
                            {r.appeler.map((n, i) => (
                              <span key={n.id}>
                                {i > 0 && ', '}
                                {n.nom}&nbsp;: <a href={contactHref(n.numero)}>{n.numero}</a>
                              </span>
                            ))}
                          </dd>
                        </>
                      )}
                    </dl>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </main>
    </Layout>
  );
}
