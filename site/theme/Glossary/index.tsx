// /glossaire: the words of digital life explained simply, in alphabetical order. Each
// term has an anchor (#mot-<slug>) so pages and aidants can point to it.

import Layout from '@theme/Layout';
import React, { type ReactNode } from 'react';
import type { GlossaryTerm } from '../../../core/model/glossary.ts';

export default function Glossary({ terms }: { terms: GlossaryTerm[] }): ReactNode {
  return (
    <Layout
      title="Les mots du numérique expliqués"
      description="Un petit dictionnaire des mots du numérique, expliqués simplement : EPN, itsme, CPAS, e-Box et les autres."
    >
      <main className="container margin-vert--lg glossaire">
        <h1>Les mots du numérique expliqués</h1>
        <p>Un mot vous semble difficile ? Vous trouverez ici son explication, en une ou deux phrases.</p>
        <dl>
          {terms.map((t) => (
            <React.Fragment key={t.slug}>
              <dt id={`mot-${t.slug}`}>
                {t.term}
                {t.aliases.length > 0 && <span className="glossaire__aussi"> (aussi : {t.aliases.join(', ')})</span>}
              </dt>
              <dd>{t.definition}</dd>
            </React.Fragment>
          ))}
        </dl>
      </main>
    </Layout>
  );
}
