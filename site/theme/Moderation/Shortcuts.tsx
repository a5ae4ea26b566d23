// The desk's keyboard shortcuts, written on the page (they act only when no field has the
// focus, so typing is never taken for a command).
import type { ReactNode } from 'react';

export const SHORTCUTS: [string, string][] = [
  ['A', 'Accepter et publier (signalement : corriger la fiche et publier)'],
  ['X', 'Signalement : archiver la fiche'],
  ['R', 'Écrire la raison du refus (signalement : la réponse), puis Ctrl+Entrée pour l’envoyer'],
  ['M', 'Écrire ce qu’il faut changer, puis Ctrl+Entrée pour le demander'],
  ['S', 'Passer à la demande suivante'],
  ['Échap', 'Revenir à la file'],
  ['/', 'Chercher dans la file'],
  ['J', 'Ouvrir le journal des décisions'],
];

export default function Shortcuts(): ReactNode {
  return (
    <details className="bureau__raccourcis">
      <summary>Raccourcis clavier</summary>
      <p>Ils marchent quand aucun champ n'est sélectionné. Après chaque décision, la demande suivante s'ouvre et le résultat est annoncé.</p>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
