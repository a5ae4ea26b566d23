// /guides/<theme>/<slug>/resume: a guide's steps only, in large type, on one A4 page, for
// the aidant who hands them to the person (made by the content plugin from the guide's
// Markdown: core/content/guide-summary.ts). The page says where the full guide is, when its
// facts were checked, and its first safety warning. Not indexed: the guide is the page to find.
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import type { GuideSummary as Summary } from '../../../core/content/guide-summary.ts';
import { frenchSpaces } from '../../../core/content/typography.ts';
import { formatDate } from '../../../core/format-fr.ts';

export interface GuideSummaryData extends Summary {
  /** The site's public address, printed with the guide's path. */
  siteUrl: string;
}

/** Past this many steps, the type is a little smaller so the page still fits on one sheet. */
const LONG = 14;

export default function GuideSummary({ summary }: { summary: GuideSummaryData }): ReactNode {
  const isBrowser = useIsBrowser();
  const steps = summary.groups.reduce((n, g) => n + g.steps.length, 0);
  return (
    <Layout title={`Résumé : ${summary.title}`} description={summary.description}>
      <Head>
        <meta name="robots" content="noindex" />
      </Head>
      <main className={`container resume-guide${steps > LONG ? ' resume-guide--long' : ''}`}>
        <p className="resume-guide__outils no-print">
          <Link to={summary.guidePath}>Revenir au guide complet</Link>
          {isBrowser && (
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              Imprimer ce résumé
            </button>
          )}
        </p>
        <h1>{summary.title}</h1>
        <p className="resume-guide__but">{frenchSpaces(summary.description)}</p>
        {summary.groups.map((group, i) => (
          <section key={group.heading ?? i} aria-label={group.heading ?? 'Étapes'}>
            {group.heading && <h2>{frenchSpaces(group.heading)}</h2>}
            <ol className="resume-guide__etapes">
              {group.steps.map((step) => (
                <li key={step}>{frenchSpaces(step)}</li>
              ))}
            </ol>
          </section>
        ))}
        {summary.warning && (
          <p className="resume-guide__attention">
            <strong>Attention&nbsp;:</strong> {frenchSpaces(summary.warning)}
          </p>
        )}
        <p className="resume-guide__pied">
          Le guide complet, avec les explications&nbsp;: {summary.siteUrl}
          {summary.guidePath}
          {summary.verified ? `. Vérifié le ${formatDate(summary.verified)}.` : '.'}
        </p>
      </main>
    </Layout>
  );
}
