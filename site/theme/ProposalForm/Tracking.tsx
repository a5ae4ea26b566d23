// The body of /suivi, rendered by the server (it works without JavaScript): where a
// proposal stands, in words (a report acted on is never « Refusée »), the proposal as its
// page will look, what a correction changes, the exchange with the team, the published
// page once accepted, and — when the team asks for changes — the form to correct and
// answer. Just after sending, it is also the confirmation: the address of this page is the
// tracking link, shown to keep, print or bookmark.
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../core/format-fr.ts';
import type { FormFields, ProposalVocabularies } from '../../../core/proposal-form.ts';
import { statusForSubmitter } from '../../../core/statuses.ts';
import { sitePaths } from '../../../core/urls.ts';
import type { Change } from '../../../core/wire/moderation.ts';
import type { PublicStatus } from '../../../core/wire/submissions.ts';
import type { InitiativeView } from '../../directory/view-model.ts';
import InitiativeDetails from '../Directory/InitiativeDetails.tsx';
import InitiativeFields, { shownFields } from './InitiativeFields.tsx';
import { ErrorSummary, type Errors, Text } from './widgets.tsx';

export interface TrackingProps {
  status: PublicStatus;
  token: string;
  /** The tracking page's absolute address (the link to keep). */
  link: string;
  vocab: ProposalVocabularies;
  /** The proposal as its page will look (nothing for a report). */
  preview?: InitiativeView;
  /** A correction: what it changes, in words. */
  changes?: Change[];
  /** Just sent (`envoyee=1`) or just corrected (`renvoyee=1`). */
  notice?: 'sent' | 'resent';
  /** The correction form's values and errors (after a post with errors). */
  values?: FormFields;
  errors?: Errors;
  message?: string;
}

export const RESUBMIT_PATH = '/suivi/renvoyer';

function Notice({ notice, link, type }: { notice: TrackingProps['notice']; link: string; type: PublicStatus['type'] }): ReactNode {
  if (!notice) return null;
  return (
    <section className="confirmation recu" aria-labelledby="confirmation-titre">
      <h2 id="confirmation-titre">
        {notice === 'sent' ? `Merci, votre ${type === 'report' ? 'signalement est envoyé' : 'proposition est envoyée'}` : 'Merci, votre correction est envoyée'}
      </h2>
      <p>
        Gardez l'adresse de cette page : c'est votre lien de suivi. Ajoutez-la à vos favoris, copiez-la, ou imprimez cette page (menu de votre navigateur, «
        Imprimer »).
      </p>
      <div className="formulaire__champ">
        <label htmlFor="lien-suivi">Votre lien de suivi</label>
        <input id="lien-suivi" type="text" readOnly value={link} />
      </div>
    </section>
  );
}

export default function Tracking(props: TrackingProps): ReactNode {
  const { status, token, link, vocab, preview, changes, notice, values, errors = {}, message } = props;
  const asked = status.status === 'changes_requested';
  const mode = status.type === 'create' ? 'create' : 'update';
  const shown = shownFields(mode, values ?? {}, vocab, errors, false);
  shown.add('message');
  return (
    <>
      <h1>Suivre ma proposition</h1>
      <Notice notice={notice} link={link} type={status.type} />
      <p className="suivi__etat">
        <strong>{statusForSubmitter(status)}</strong>
      </p>
      <p>
        Envoyée le {formatDateTime(status.createdAt)}. Dernier changement le {formatDateTime(status.updatedAt)}.
      </p>
      {status.published && (
        <p>
          <a className="button button--primary" href={sitePaths.initiative(status.published)}>
            Voir la fiche publiée
          </a>
        </p>
      )}
      {status.reason && (
        <section aria-labelledby="suivi-raison">
          <h2 id="suivi-raison">Le message de l'équipe</h2>
          <blockquote>{status.reason}</blockquote>
        </section>
      )}
      {asked && (
        <section aria-labelledby="suivi-corriger" className="formulaire">
          <h2 id="suivi-corriger">Corriger et renvoyer</h2>
          <ErrorSummary id="formulaire-bilan" message={message} errors={errors} shown={shown} />
          <form method="post" action={RESUBMIT_PATH} noValidate>
            <input type="hidden" name="id" value={status.id} />
            <input type="hidden" name="token" value={token} />
            {status.type !== 'report' && values && <InitiativeFields vocab={vocab} values={values} errors={errors} js={false} mode={mode} />}
            <Text
              name="message"
              label="Votre réponse à l'équipe"
              errors={errors}
              values={values ?? {}}
              required
              multiline
              maxLength={2000}
              help="Dites en une phrase ce que vous avez changé."
            />
            <button type="submit" className="button button--primary">
              Renvoyer ma proposition
            </button>
          </form>
        </section>
      )}
      {changes && changes.length > 0 && (
        <section aria-labelledby="suivi-changements">
          <h2 id="suivi-changements">Ce que vous proposez de changer</h2>
          <dl className="changements">
            {changes.map((c) => (
              <div key={c.field}>
                <dt>{c.label}</dt>
                <dd>
                  {c.before ?? '(vide)'} → <strong>{c.after ?? '(retiré)'}</strong>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {status.thread.length > 0 && (
        <section aria-labelledby="suivi-echanges">
          <h2 id="suivi-echanges">Les échanges</h2>
          <ol className="fil">
            {status.thread.map((t) => (
              <li key={t.at + t.from} className={`fil__message fil__message--${t.from}`}>
                <strong>{t.from === 'moderator' ? "L'équipe" : 'Vous'}</strong> ({formatDateTime(t.at)}) : {t.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      {preview && (
        <section aria-labelledby="suivi-apercu" className="apercu-fiche">
          <h2 id="suivi-apercu">{status.status === 'approved' ? 'La fiche publiée' : 'Votre proposition, telle qu’elle apparaîtra'}</h2>
          <div className="apercu-fiche__cadre">
            <InitiativeDetails view={preview} />
          </div>
        </section>
      )}
    </>
  );
}
