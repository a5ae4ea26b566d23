// The French sentences the API and the site say in more than one place, written once.
// Messages that belong to one rule stay next to that rule.

export const MESSAGES = {
  /** Top-level message of a 400 answer that lists field errors. */
  fieldsToFix: 'Certains champs sont à corriger.',
  unknownField: 'Ce champ est inconnu : retirez-le.',
  unknownParameter: (allowed: string[]) => `Paramètre inconnu. Paramètres possibles : ${allowed.join(', ')}.`,
  notFound: "Cette adresse n'existe pas.",
  noSuchInitiative: 'Aucune initiative ne porte cet identifiant.',
  noSuchSubmission: "Cette demande n'existe pas.",
  tooManyRequests: 'Trop de demandes envoyées depuis cette connexion. Réessayez dans quelques minutes.',
  unexpected: 'Une erreur est survenue. Réessayez dans un moment.',
  searchUnavailable: 'La recherche ne répond pas pour le moment. Réessayez dans quelques minutes, ou consultez la liste des lieux par commune sur /annuaire.',
} as const;
