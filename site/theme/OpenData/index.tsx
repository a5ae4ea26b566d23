// /donnees-ouvertes: the open-data files of the directory, one per format the plugins
// provide, with their licence and what they never contain. Files are plain links (they
// are written after the Docusaurus build, under /open-data/).

import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import { sitePaths } from '../../../core/urls.ts';

export interface OpenDataFormat {
  format: string;
  label: string;
  description: string;
  fileName: string;
}

export interface OpenDataProps {
  data: { licence: { name: string; url: string }; formats: OpenDataFormat[] };
}

export default function OpenData({ data }: OpenDataProps): ReactNode {
  const { licence, formats } = data;
  return (
    <Layout
      title="Données ouvertes"
      description="Téléchargez la liste des lieux et activités d'aide au numérique de Charleroi Métropole : GeoJSON, CSV, iCalendar et autres formats ouverts."
    >
      <main className="container container--narrow margin-vert--lg donnees-ouvertes">
        <h1>Données ouvertes</h1>
        <p>
          La liste des lieux et des activités de l'annuaire est libre. Vous pouvez la télécharger, la réutiliser et la partager, en citant « Passerelle —
          Charleroi Métropole ».
        </p>
        <p>
          Licence : <a href={licence.url}>{licence.name}</a>.
        </p>
        <p>
          Les fichiers contiennent seulement ce qui est publié dans l'annuaire. Ils ne contiennent jamais les coordonnées des personnes qui ont proposé une
          initiative.
        </p>
        <h2>Les fichiers</h2>
        <ul className="donnees-ouvertes__liste">
          {formats.map((f) => (
            <li key={f.format}>
              <h3>{f.label}</h3>
              <p>{f.description}</p>
              <p>
                <a href={sitePaths.openDataFile(f.fileName)} download>
                  Télécharger {f.fileName}
                </a>{' '}
                · <a href={sitePaths.exportFormat(f.format)}>version à jour (API)</a>
              </p>
            </li>
          ))}
        </ul>
        <p>
          Les fichiers sont refaits à chaque mise à jour du site. L'adresse « version à jour » donne toujours les dernières informations publiées. Pour les
          développeurs : <Link to="/developpeurs/donnees-ouvertes">formats, import et réutilisation</Link>.
        </p>
      </main>
    </Layout>
  );
}
