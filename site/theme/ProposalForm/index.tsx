// /proposer: associations propose an initiative, an update, or report an error, without
// an account. The form is plain HTML that posts to /proposer/envoyer (works without
// JavaScript, with a results page); with JavaScript it sends JSON to /api/submissions
// and shows the server's field errors next to their fields.

import { useLocation } from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Layout from '@theme/Layout';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { type FormFields, formFieldFor, formToSubmission } from '../../../core/proposal-form.ts';
import { sitePaths } from '../../../core/urls.ts';

interface Choice {
  value: string;
  label: string;
}

export interface ProposalVocabularies {
  kinds: Choice[];
  services: Choice[];
  publics: Choice[];
  languages: Choice[];
  costs: Choice[];
  appointments: Choice[];
  accessModes: Choice[];
  accessibility: Choice[];
  communes: Choice[];
}

type Errors = Record<string, string>;
type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; id: string; token: string } | { kind: 'error'; message: string };

const fieldId = (name: string) => `champ-${name}`;

function ErrorText({ name, errors }: { name: string; errors: Errors }): ReactNode {
  return errors[name] ? (
    <p className="formulaire__erreur" id={`${fieldId(name)}-erreur`}>
      {errors[name]}
    </p>
  ) : null;
}

function describedBy(name: string, errors: Errors, help?: boolean): string | undefined {
  const ids = [help ? `${fieldId(name)}-aide` : '', errors[name] ? `${fieldId(name)}-erreur` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Text(props: {
  name: string;
  label: string;
  errors: Errors;
  required?: boolean;
  help?: string;
  type?: string;
  multiline?: boolean;
  defaultValue?: string;
  autoComplete?: string;
  maxLength?: number;
}): ReactNode {
  const { name, label, errors, required, help, type = 'text', multiline, defaultValue, autoComplete, maxLength } = props;
  const common = {
    id: fieldId(name),
    name,
    required,
    defaultValue,
    maxLength,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(name, errors, Boolean(help)),
  };
  return (
    <div className="formulaire__champ">
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? ' (obligatoire)' : ''}
      </label>
      {help && (
        <p className="formulaire__aide" id={`${fieldId(name)}-aide`}>
          {help}
        </p>
      )}
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

function Select({ name, label, choices, errors, required }: { name: string; label: string; choices: Choice[]; errors: Errors; required?: boolean }): ReactNode {
  return (
    <div className="formulaire__champ">
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? ' (obligatoire)' : ''}
      </label>
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        defaultValue=""
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, errors)}
      >
        <option value="">Choisissez…</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

function Checks({
  name,
  legend,
  choices,
  errors,
  required,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  errors: Errors;
  required?: boolean;
}): ReactNode {
  return (
    <fieldset className="formulaire__cases" id={fieldId(name)} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(name, errors)}>
      <legend>
        {legend}
        {required ? ' (au moins un choix)' : ''}
      </legend>
      {choices.map((c) => (
        <div key={c.value} className="formulaire__case">
          <input type="checkbox" id={`${fieldId(name)}-${c.value}`} name={name} value={c.value} />
          <label htmlFor={`${fieldId(name)}-${c.value}`}>{c.label}</label>
        </div>
      ))}
      <ErrorText name={name} errors={errors} />
    </fieldset>
  );
}

function formFields(form: HTMLFormElement): FormFields {
  const out: FormFields = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== 'string') continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export default function ProposalForm({ vocab }: { vocab: ProposalVocabularies }): ReactNode {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const initialType = ['create', 'update', 'report'].includes(params.get('type') ?? '') ? (params.get('type') as string) : 'create';
  const [type, setType] = useState(initialType);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const targetId = params.get('id') ?? '';
  // Without JavaScript every part shows (the server reads only what the type needs).
  const isBrowser = useIsBrowser();
  const shows = (...types: string[]) => !isBrowser || types.includes(type);

  useEffect(() => setType(initialType), [initialType]);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    setOutcome({ kind: 'sending' });
    let res: Response;
    try {
      res = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(formToSubmission(formFields(form))),
      });
    } catch {
      setOutcome({
        kind: 'error',
        message: "L'envoi n'a pas marché. Vérifiez votre connexion et réessayez : vos informations sont toujours dans le formulaire.",
      });
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { id?: string; trackingToken?: string; error?: { message: string; fields?: Record<string, string> } };
    if (res.status === 202 && body.id && body.trackingToken) {
      setErrors({});
      setOutcome({ kind: 'sent', id: body.id, token: body.trackingToken });
      return;
    }
    const next: Errors = {};
    for (const [path, message] of Object.entries(body.error?.fields ?? {})) next[formFieldFor(path)] ??= message;
    setErrors(next);
    setOutcome({ kind: 'error', message: body.error?.message ?? "L'envoi n'a pas marché. Réessayez dans un moment." });
    window.setTimeout(() => document.getElementById('formulaire-bilan')?.focus());
  }

  if (outcome.kind === 'sent') {
    const link = sitePaths.tracking(outcome.id, outcome.token);
    return (
      <Layout title="Proposition envoyée" description="Votre proposition est envoyée.">
        <main className="container container--narrow margin-vert--lg">
          <h1>Merci, votre proposition est envoyée</h1>
          <p role="status">Une personne de l'équipe va la relire. Vous pouvez suivre où elle en est avec ce lien. Gardez-le : il ne sera plus affiché.</p>
          <p>
            <a href={link}>Suivre ma proposition</a>
          </p>
        </main>
      </Layout>
    );
  }

  const errorList = Object.entries(errors);
  return (
    <Layout title="Proposer une initiative" description="Faire connaître une initiative d'aide au numérique à Charleroi Métropole, ou signaler une erreur.">
      <main className="container container--narrow margin-vert--lg formulaire">
        <h1>Proposer une initiative</h1>
        <p>Pas besoin de compte. Une personne de l'équipe relit chaque proposition avant de la publier. Votre nom et votre e-mail ne seront jamais publiés.</p>
        <div id="formulaire-bilan" tabIndex={-1} aria-live="polite">
          {outcome.kind === 'sending' && <p>Envoi en cours…</p>}
          {outcome.kind === 'error' && (
            <div className="formulaire__bilan" role="alert">
              <p>
                <strong>{outcome.message}</strong>
              </p>
              {errorList.length > 0 && (
                <ul>
                  {errorList.map(([name, message]) => (
                    <li key={name}>
                      <a href={`#${fieldId(name)}`}>{message}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        <form method="post" action="/proposer/envoyer" onSubmit={onSubmit} noValidate>
          <fieldset className="formulaire__cases">
            <legend>Que voulez-vous faire ?</legend>
            {(
              [
                ['create', 'Ajouter une nouvelle initiative'],
                ['update', 'Mettre à jour une initiative de l’annuaire'],
                ['report', 'Signaler une erreur ou une initiative qui n’existe plus'],
              ] as const
            ).map(([value, label]) => (
              <div key={value} className="formulaire__case">
                <input type="radio" id={`type-${value}`} name="type" value={value} checked={type === value} onChange={() => setType(value)} />
                <label htmlFor={`type-${value}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          {shows('update', 'report') && (
            <Text
              name="targetId"
              label="Identifiant de l'initiative (la fin de son adresse, après /annuaire/)"
              errors={errors}
              required
              defaultValue={targetId}
            />
          )}
          {shows('report') && (
            <Text
              name="message"
              label={isBrowser ? "Qu'est-ce qui n'est plus juste ?" : 'Message (obligatoire pour signaler une erreur)'}
              errors={errors}
              required
              multiline
              maxLength={2000}
            />
          )}
          {shows('create', 'update') && (
            <>
              <h2>L'initiative</h2>
              <Text name="name" label="Nom" errors={errors} required maxLength={150} />
              <Select name="kind" label="Type" choices={vocab.kinds} errors={errors} required />
              <Text name="summary" label="En une ou deux phrases, ce que vous proposez" errors={errors} required multiline maxLength={280} />
              <Text name="description" label="Description plus longue" errors={errors} multiline maxLength={5000} />
              <Text name="organisation_name" label="Organisation" errors={errors} required maxLength={150} />
              <Text name="organisation_website" label="Site de l'organisation" type="url" errors={errors} help="Par exemple https://www.exemple.be" />
              <Checks name="services" legend="L'aide proposée" choices={vocab.services} errors={errors} required />
              <Checks name="publics" legend="Pour qui" choices={vocab.publics} errors={errors} required />
              <Checks name="languages" legend="Langues parlées" choices={vocab.languages} errors={errors} required />
              <h2>Comment y accéder</h2>
              <Select name="access_cost" label="Prix" choices={vocab.costs} errors={errors} required />
              <Select name="access_appointment" label="Rendez-vous" choices={vocab.appointments} errors={errors} required />
              <Checks name="access_modes" legend="Pour venir" choices={vocab.accessModes} errors={errors} required />
              <Checks name="access_accessibility" legend="Accessibilité" choices={vocab.accessibility} errors={errors} />
              <h2>Adresse et horaires</h2>
              <Text name="address_street" label="Rue et numéro" errors={errors} required autoComplete="street-address" />
              <Text name="address_postcode" label="Code postal" errors={errors} required autoComplete="postal-code" help="4 chiffres, par exemple 6000" />
              <Text name="address_locality" label="Localité" errors={errors} required help="Par exemple Marcinelle" />
              <Select name="address_commune" label="Commune" choices={vocab.communes} errors={errors} required />
              <Text
                name="hours"
                label="Horaires"
                errors={errors}
                help="En anglais abrégé, par exemple : Mo-Fr 09:00-12:00; We 14:00-16:00; PH off (PH off = fermé les jours fériés). Laissez vide si vous ne savez pas."
              />
              <Text name="period_start" label="Date de début (formations et événements)" type="date" errors={errors} />
              <Text name="period_end" label="Date de fin" type="date" errors={errors} />
              <h2>Contact public</h2>
              <Text name="contact_phone" label="Téléphone" type="tel" errors={errors} help="Par exemple 071 12 34 56" />
              <Text name="contact_email" label="E-mail" type="email" errors={errors} />
              <Text name="contact_website" label="Page web de l'initiative" type="url" errors={errors} />
              {isBrowser && type === 'update' && <Text name="message" label="Ce qui change (facultatif)" errors={errors} multiline maxLength={2000} />}
            </>
          )}
          <h2>Vous</h2>
          <p>Pour vous répondre si besoin. Ces informations ne seront jamais publiées.</p>
          <Text name="submitter_name" label="Votre nom" errors={errors} required autoComplete="name" />
          <Text name="submitter_email" label="Votre e-mail" type="email" errors={errors} required autoComplete="email" />
          <Text name="submitter_organisation" label="Votre association ou service" errors={errors} autoComplete="organization" />
          <div className="formulaire__piege" aria-hidden="true">
            <label htmlFor="champ-website">Ne remplissez pas ce champ</label>
            <input id="champ-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" className="button button--primary button--lg" disabled={outcome.kind === 'sending'}>
            Envoyer la proposition
          </button>
        </form>
      </main>
    </Layout>
  );
}
