// Home, as a Docusaurus route (development, and a client-side link to "/"): the same
// content as the light build/index.html that site/directory renders after the build and
// the server answers with.

import Layout from '@theme/Layout';
import type React from 'react';
import Home from '../theme/Home/index.tsx';

export default function HomePage(): React.JSX.Element {
  return (
    <Layout
      title="Accueil"
      description="Trouver de l'aide pour le numérique près de chez vous, suivre un guide pas à pas, se former comme aidant numérique, à Charleroi Métropole."
    >
      <main className="container margin-vert--lg">
        <Home />
      </main>
    </Layout>
  );
}
