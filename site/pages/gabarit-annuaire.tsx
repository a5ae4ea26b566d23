// The shell of directory pages: the site's layout (navbar, footer, CSS) around an empty
// slot. site/directory fills the slot for /annuaire and each /annuaire/<id> after the
// build. Not linked, not in the sitemap.

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
