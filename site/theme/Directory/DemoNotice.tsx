// The visible warning on sample data that is not verified fact (`origin: demo`).
import type React from 'react';

export default function DemoNotice(): React.JSX.Element {
  return (
    <p className="demo-notice" role="note">
      <strong>Données de démonstration.</strong> Cette fiche sert d'exemple : ses informations n'ont pas été vérifiées. Ne vous déplacez pas sur cette seule
      base.
    </p>
  );
}
