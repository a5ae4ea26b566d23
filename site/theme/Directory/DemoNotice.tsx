// The warning on a listing made of sample data that is not verified fact (`origin: demo`):
// one short line, in the listing's essentials (and on its printed sheet).
import type React from 'react';

export default function DemoNotice(): React.JSX.Element {
  return (
    <p className="demo-notice" role="note">
      <strong>Données de démonstration :</strong> rien n'est vérifié, ne vous déplacez pas sur cette seule base.
    </p>
  );
}
