// The home page's content: what Passerelle is in two sentences, the notice while sample
// data is published, and the three ways in. Rendered as a light page by site/directory
// (build/index.html: no Docusaurus script, so a phone shows it at once); site/pages/index.tsx
// renders the same for Docusaurus' own routing (development, client-side navigation).
import type React from 'react';
import DemoSiteNotice from '../Directory/DemoSiteNotice.tsx';
import EntryPoints from '../EntryPoints/index.tsx';

export default function Home(): React.JSX.Element {
  return (
    <>
      <div className="accueil__intro">
        <h1>L'aide numérique près de chez vous</h1>
        <p className="accueil__texte">
          Un formulaire en ligne, un code oublié, un téléphone neuf ? Vous n'êtes pas seul. À Charleroi Métropole, des personnes peuvent vous aider,
          gratuitement.
        </p>
      </div>
      <DemoSiteNotice />
      <EntryPoints />
    </>
  );
}
