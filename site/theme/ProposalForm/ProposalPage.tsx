// The body of /proposer, one component for every way it is shown: built by Docusaurus
// (a new proposal), rendered by the server with a listing's values (a correction or a
// report, /proposer?type=update&id=…) or with what was posted and its errors (the plain
// form without JavaScript), then brought to life in the browser. Without JavaScript the
// form posts to /proposer/envoyer; with it, the same fields go as JSON to
// /api/submissions (a correction sends only what changed), errors appear next to their
// fields and in a summary, and the confirmation takes the page's place: focused,
// announced, with the tracking link to copy and a receipt to print.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../../core/format-fr.ts';
import { type FormFields, fieldsOf, formFieldFor, formToSubmission, type ProposalVocabularies } from '../../../core/proposal-form.ts';
import { sitePaths } from '../../../core/urls.ts';
import InitiativeFields, { shownFields } from './InitiativeFields.tsx';
import { ErrorSummary, type Errors, Text } from './widgets.tsx';

export type ProposalType = 'create' | 'update' | 'report';

/** What the page starts from (the server puts it in the page; empty for a new proposal). */
export interface ProposalInitial {
  type: ProposalType;
  /** The listing a correction or a report is about. */
  target?: { id: string; name: string };
  /** The form's values: the listing's for a correction, or what was posted. */
  values: FormFields;
  /** A correction's starting point (the listing's values): only what differs is sent. */
  base?: FormFields;
  errors?: Errors;
  /** The summary's first line. */
  message?: string;
  /** The « which listing? » form: what was typed and why it was not found. */
  chooser?: { value: string; type: 'update' | 'report'; error: string };
  /** The address (path and query) the server rendered this for: the browser uses the data only there. */
  url?: string;
}

type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; id: string; token: string; at: string; name?: string };

const TITLES: Record<ProposalType, string> = {
  create: 'Proposer une initiative',
  update: 'Corriger une fiche',
  report: 'Signaler une erreur',
};

/** « Vous voulez corriger ou signaler une fiche ? »: a small GET form that opens the listing pre-filled. */
function Chooser({ chooser }: { chooser?: ProposalInitial['chooser'] }): ReactNode {
  const error = chooser?.error;
  return (
    <details className="formulaire__choix" open={Boolean(chooser) || undefined}>
      <summary>Vous voulez corriger une fiche de l'annuaire, ou signaler une erreur ?</summary>
      <form method="get" action={sitePaths.proposal} className="formulaire">
        <fieldset className="formulaire__cases">
          <legend>Que voulez-vous faire ?</legend>
          <div className="formulaire__case">
            <input type="radio" id="choix-update" name="type" value="update" defaultChecked={chooser?.type !== 'report'} />
            <label htmlFor="choix-update">Corriger ou compléter une fiche</label>
          </div>
          <div className="formulaire__case">
            <input type="radio" id="choix-report" name="type" value="report" defaultChecked={chooser?.type === 'report'} />
            <label htmlFor="choix-report">Signaler une erreur ou un lieu qui n'existe plus</label>
          </div>
        </fieldset>
        <div className="formulaire__champ">
          <label htmlFor="choix-fiche">Nom de la fiche, ou adresse de sa page</label>
          <p className="formulaire__aide" id="choix-fiche-aide">
            Le plus simple : ouvrez la fiche dans l'annuaire et utilisez son bouton « Proposer une modification ».
          </p>
          <input
            id="choix-fiche"
            name="id"
            type="text"
            defaultValue={chooser?.value}
            aria-invalid={error ? true : undefined}
            aria-describedby={`choix-fiche-aide${error ? ' choix-fiche-erreur' : ''}`}
          />
          {error && (
            <p className="formulaire__erreur" id="choix-fiche-erreur">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button button--secondary">
          Ouvrir la fiche
        </button>
      </form>
    </details>
  );
}

function Confirmation({ outcome, type }: { outcome: Extract<Outcome, { kind: 'sent' }>; type: ProposalType }): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState('');
  const link = sitePaths.tracking(outcome.id, outcome.token);
  const absolute = typeof window === 'undefined' ? link : `${window.location.origin}${link}`;
  // On a phone the form was long: the confirmation must be what the person sees and hears first.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied('Lien copié. Collez-le dans un e-mail ou une note pour le garder.');
    } catch {
      const input = document.getElementById('lien-suivi') as HTMLInputElement | null;
      input?.select();
      setCopied('Le lien est sélectionné : copiez-le avec votre téléphone ou Ctrl+C.');
    }
  }
  return (
    <section className="confirmation recu" aria-labelledby="confirmation-titre">
      <h1 id="confirmation-titre" tabIndex={-1} ref={heading}>
        Merci, votre {type === 'report' ? 'signalement est envoyé' : 'proposition est envoyée'}
      </h1>
      <p role="status">Une personne de l'équipe va la relire. Gardez le lien ci-dessous : il permet de suivre où elle en est et de répondre à l'équipe.</p>
      <div className="formulaire__champ">
        <label htmlFor="lien-suivi">Votre lien de suivi</label>
        <input id="lien-suivi" type="text" readOnly value={absolute} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p className="confirmation__actions">
        <button type="button" className="button button--primary" onClick={copy}>
          Copier le lien
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Imprimer le reçu
        </button>
        <a className="button button--link" href={link}>
          Suivre ma proposition
        </a>
      </p>
      <p aria-live="polite">{copied}</p>
      <dl className="recu__details">
        <dt>Envoyée le</dt>
        <dd>{formatDateTime(outcome.at)}</dd>
        {outcome.name && (
          <>
            <dt>Initiative</dt>
            <dd>{outcome.name}</dd>
          </>
        )}
        <dt>Demande</dt>
        <dd>{type === 'report' ? 'Signalement' : type === 'update' ? 'Correction d’une fiche' : 'Nouvelle initiative'}</dd>
      </dl>
      <p>Notez ce lien, copiez-le ou imprimez ce reçu : c’est la seule façon de suivre votre proposition et de répondre à l’équipe.</p>
    </section>
  );
}

export default function ProposalPage({ vocab, initial, js }: { vocab: ProposalVocabularies; initial: ProposalInitial; js: boolean }): ReactNode {
  const [errors, setErrors] = useState<Errors>(initial.errors ?? {});
  const [message, setMessage] = useState(initial.message);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const { type, target } = initial;
  const mode = type === 'create' ? 'create' : 'update';
  const shown = shownFields(mode, initial.values, vocab, errors, js);
  for (const name of ['targetId', 'message', 'submitter_name', 'submitter_email']) shown.add(name);
  // The summary is where the reader goes after a failed try (and after a post the server answered with errors).
  const [tries, setTries] = useState(initial.errors && Object.keys(initial.errors).length ? 1 : 0);
  useEffect(() => {
    if (tries) document.getElementById('formulaire-bilan')?.focus();
  }, [tries]);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const fields = fieldsOf(new FormData(event.currentTarget).entries());
    setOutcome({ kind: 'sending' });
    setMessage(undefined);
    let res: Response;
    try {
      res = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(formToSubmission(fields, initial.base ? { base: initial.base } : {})),
      });
    } catch {
      setOutcome({ kind: 'idle' });
      setMessage("L'envoi n'a pas marché. Vérifiez votre connexion et réessayez : vos informations sont toujours dans le formulaire.");
      setTries((n) => n + 1);
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { id?: string; trackingToken?: string; error?: { message: string; fields?: Record<string, string> } };
    if (res.status === 202 && body.id && body.trackingToken) {
      setErrors({});
      const name = typeof fields.name === 'string' ? fields.name : target?.name;
      setOutcome({ kind: 'sent', id: body.id, token: body.trackingToken, at: new Date().toISOString(), ...(name ? { name } : {}) });
      return;
    }
    const next: Errors = {};
    for (const [path, text] of Object.entries(body.error?.fields ?? {})) next[formFieldFor(path)] ??= text;
    setErrors(next);
    setOutcome({ kind: 'idle' });
    setMessage(body.error?.message ?? "L'envoi n'a pas marché. Réessayez dans un moment.");
    setTries((n) => n + 1);
  }

  if (outcome.kind === 'sent') {
    return (
      <main className="container container--narrow margin-vert--lg formulaire" id="proposition">
        <Confirmation outcome={outcome} type={type} />
      </main>
    );
  }

  const title = target ? `${TITLES[type]} : ${target.name}` : TITLES[type];
  return (
    <main className="container container--narrow margin-vert--lg formulaire" id="proposition">
      <h1>{title}</h1>
      {type === 'create' && (
        <p>Pas besoin de compte. Une personne de l'équipe relit chaque proposition avant de la publier. Votre nom et votre e-mail ne seront jamais publiés.</p>
      )}
      {type === 'update' && target && (
        <p>
          La fiche est déjà remplie : changez seulement ce qui n'est plus juste. Une personne de l'équipe relit avant de publier.{' '}
          <a href={sitePaths.initiative(target.id)}>Voir la fiche publiée</a> ·{' '}
          <a href={sitePaths.proposalFor('report', target.id)}>Signaler plutôt que ce lieu n'existe plus</a>
        </p>
      )}
      {type === 'report' && target && (
        <p>
          Dites-nous ce qui n'est plus juste dans la fiche « {target.name} ». <a href={sitePaths.initiative(target.id)}>Voir la fiche</a> ·{' '}
          <a href={sitePaths.proposalFor('update', target.id)}>Corriger la fiche vous-même</a>
        </p>
      )}
      {(type === 'create' || !target) && <Chooser chooser={initial.chooser} />}
      <div aria-live="polite">{outcome.kind === 'sending' && <p>Envoi en cours…</p>}</div>
      <ErrorSummary id="formulaire-bilan" message={message} errors={errors} shown={shown} />
      {(type === 'create' || target) && (
        <form method="post" action={sitePaths.proposalPost} onSubmit={onSubmit} noValidate className="formulaire__formulaire">
          <input type="hidden" name="type" value={type} />
          {target && <input type="hidden" name="targetId" value={target.id} />}
          {type === 'report' ? (
            <Text
              name="message"
              label="Qu'est-ce qui n'est plus juste ?"
              errors={errors}
              values={initial.values}
              required
              multiline
              maxLength={2000}
              help="Par exemple : « la permanence a déménagé rue de la Station 12 » ou « l'EPN est fermé depuis janvier »."
            />
          ) : (
            <>
              <InitiativeFields vocab={vocab} values={initial.values} errors={errors} js={js} mode={mode} />
              {type === 'update' && (
                <Text name="message" label="Ce qui change, en une phrase (facultatif)" errors={errors} values={initial.values} multiline maxLength={2000} />
              )}
            </>
          )}
          <h2>Vous</h2>
          <p>Pour vous répondre et vous envoyer le lien de suivi. Ces informations ne seront jamais publiées.</p>
          <Text name="submitter_name" errors={errors} values={initial.values} required autoComplete="name" />
          <Text name="submitter_email" type="email" errors={errors} values={initial.values} required autoComplete="email" />
          <div className="formulaire__piege" aria-hidden="true">
            <label htmlFor="champ-website">Ne remplissez pas ce champ</label>
            <input id="champ-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" className="button button--primary button--lg" disabled={outcome.kind === 'sending'}>
            {type === 'report' ? 'Envoyer le signalement' : type === 'update' ? 'Envoyer la correction' : 'Envoyer la proposition'}
          </button>
        </form>
      )}
    </main>
  );
}
