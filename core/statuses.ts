// The states things go through, named once: submission types and statuses, initiative
// statuses and origins, and how each is said in French to people (never the code).

export const SUBMISSION_TYPES = ['create', 'update', 'report'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const SUBMISSION_STATUSES = ['pending', 'approved', 'rejected', 'changes_requested'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Statuses a submission can still be decided from. */
export const OPEN_STATUSES: readonly SubmissionStatus[] = ['pending', 'changes_requested'];

export const INITIATIVE_STATUSES = ['active', 'archived'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const ORIGINS = ['team', 'moderation', 'import', 'demo'] as const;
export type Origin = (typeof ORIGINS)[number];

export const SUBMISSION_TYPE_LABELS: Record<SubmissionType, string> = {
  create: 'Nouvelle initiative',
  update: 'Mise à jour',
  report: 'Signalement',
};

/** A queue filter's label (plural, for moderators). */
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  pending: 'En attente',
  changes_requested: 'Modifications demandées',
  approved: 'Acceptées',
  rejected: 'Refusées',
};

/** What a submitter reads on their tracking page. */
export const SUBMISSION_STATUS_FOR_SUBMITTER: Record<SubmissionStatus, string> = {
  pending: "En attente : une personne de l'équipe va relire votre proposition.",
  approved: 'Acceptée : votre proposition est publiée dans l’annuaire.',
  rejected: 'Refusée. La raison est expliquée ci-dessous.',
  changes_requested: "À compléter : l'équipe vous demande une modification (voir ci-dessous).",
};

/** What a reporter reads once their report is decided: never « Refusée » for a report acted on. */
export const REPORT_OUTCOME_FOR_SUBMITTER = {
  corrected: 'Traité : la fiche a été corrigée. Merci !',
  archived: 'Traité : la fiche a été archivée (elle n’est plus dans l’annuaire). Merci !',
  answered: 'Traité : l’équipe a vérifié et vous répond ci-dessous.',
} as const;

/** The sentence at the top of the tracking page. */
export function statusForSubmitter(s: { type: SubmissionType; status: SubmissionStatus; outcome?: keyof typeof REPORT_OUTCOME_FOR_SUBMITTER }): string {
  if (s.type === 'report') {
    if (s.outcome) return REPORT_OUTCOME_FOR_SUBMITTER[s.outcome];
    if (s.status === 'pending') return "En attente : une personne de l'équipe va vérifier votre signalement.";
    if (s.status === 'approved') return REPORT_OUTCOME_FOR_SUBMITTER.archived;
    if (s.status === 'rejected') return REPORT_OUTCOME_FOR_SUBMITTER.answered;
  }
  if (s.type === 'update' && s.status === 'approved') return 'Acceptée : la fiche est corrigée dans l’annuaire.';
  return SUBMISSION_STATUS_FOR_SUBMITTER[s.status];
}
