// Home: the three entry points (help near me, guides, aidant training) and "propose".

import EntryPoints from '@theme/EntryPoints';
import Layout from '@theme/Layout';
import type React from 'react';

export default function Home(): React.JSX.Element {
  return (
    <Layout
      title="Accueil"
      description="Trouver de l'aide pour le numérique près de chez vous, suivre un guide pas à pas, se former comme aidant numérique, à Charleroi Métropole."
    >
      <main className="container margin-vert--lg">
        <div className="home-intro">
          <h1>L'aide numérique près de chez vous</h1>
          <p className="home-intro__texte">
            Un formulaire en ligne, un code oublié, un téléphone neuf ? Vous n'êtes pas seul. À Charleroi Métropole, des personnes peuvent vous aider,
            gratuitement.
          </p>
        </div>
        <EntryPoints />
      </main>
    </Layout>
  );
}
