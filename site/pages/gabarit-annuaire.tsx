// The shell of the light pages (home, directory, listings, pages made by the server): the
// site's layout (skip link, header with its menu, footer) around an empty slot.
// site/directory/shell.ts takes it from the build, removes Docusaurus' scripts and
// stylesheet, and fills the slot. Not linked, not in the sitemap.

import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import type React from 'react';

export const SLOT = 'passerelle-slot';

export default function GabaritAnnuaire(): React.JSX.Element {
  return (
    <Layout title="PASSERELLE_TITLE_TOKEN" description="PASSERELLE_DESCRIPTION_TOKEN">
      <Head>
        <meta name="robots" content="noindex" />
      </Head>
      <main className="container margin-vert--lg annuaire" id="passerelle-main">
        <div id="passerelle-slot" />
      </main>
    </Layout>
  );
}
