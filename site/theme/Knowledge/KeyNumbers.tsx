// /numeros-utiles: the numbers an aidant may need to give (content/aidant/numeros.yml, each
// read on its source page), as a card that prints on one A4 page, with the address of the
// directory for the permanences « aide numérique ». Numbers are links: a tap calls them.
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import type { KeyNumber } from '../../../core/content/aidant.ts';
import { frenchSpaces } from '../../../core/content/typography.ts';
import { sitePaths } from '../../../core/urls.ts';

export interface KeyNumbersData {
  numbers: KeyNumber[];
  siteUrl: string;
}

/** A `tel:` or `mailto:` address for a number as written. */
export function contactHref(numero: string): string {
  return numero.includes('@') ? `mailto:${numero}` : `tel:${numero.replace(/[^\d+]/g, '')}`;
}

export default function KeyNumbers({ data }: { data: KeyNumbersData }): ReactNode {
  const permanences = `${sitePaths.directory}?kind=permanence`;
  return (
    <Layout title="Numéros utiles" description="Les numéros à donner : urgence, médecin de garde, carte de banque ou d'identité perdue, message suspect.">
      <main className="container numeros">
        <h1>Numéros utiles</h1>
        <p className="numeros__intro no-print">
          À imprimer et à garder près de vous. <Link to={sitePaths.aidantRequests}>La personne veut…</Link> dit quel guide ouvrir et où envoyer la personne.
        </p>
        <ul className="numeros__liste">
          {data.numbers.map((n) => (
            <li key={n.id} className="numeros__numero">
              <span className="numeros__nom">{n.nom}</span>
              <a className="numeros__appel" href={contactHref(n.numero)}>
                {n.numero}
              </a>
              <span className="numeros__quand">{frenchSpaces(n.quand)}</span>
            </li>
          ))}
          <li className="numeros__numero">
            <span className="numeros__nom">Aide numérique près de chez vous</span>
            <a className="numeros__appel numeros__appel--adresse" href={permanences}>
              {data.siteUrl.replace(/^https?:\/\//, '')}
              {sitePaths.directory}
            </a>
            <span className="numeros__quand">Les permanences «&nbsp;aide numérique&nbsp;», les EPN et les autres lieux d'aide, avec leurs horaires.</span>
          </li>
        </ul>
        <section className="numeros__sources" aria-labelledby="numeros-sources">
          <h2 id="numeros-sources">Sources</h2>
          <ul>
            {data.numbers.map((n) => (
              <li key={n.id}>
                {n.numero}&nbsp;: <a href={n.source.url}>{n.source.title}</a>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </Layout>
  );
}
