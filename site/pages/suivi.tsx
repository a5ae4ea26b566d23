// /suivi: where a proposal stands, from the tracking link given once at submission
// (id and token in the address). Shows the moderator's reason and the exchange, and when
// the team asks for changes, lets the submitter correct the proposal and answer.

import { useLocation } from '@docusaurus/router';
import Layout from '@theme/Layout';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';

import { formatDateTime } from '../../core/format-fr.ts';
import { SUBMISSION_STATUS_FOR_SUBMITTER as STATUS_TEXT } from '../../core/statuses.ts';
import type { PublicStatus as Status } from '../../core/wire/submissions.ts';

const asRecord = (v: unknown) => v as Record<string, unknown> | undefined;

// The fields a submitter most often corrects; the rest of the proposal is sent back as is.
const EDITABLE: { path: string; label: string; multiline?: boolean }[] = [
  { path: 'name', label: 'Nom' },
  { path: 'summary', label: 'En une ou deux phrases', multiline: true },
  { path: 'description', label: 'Description', multiline: true },
  { path: 'hours', label: 'Horaires (par exemple Mo-Fr 09:00-12:00; PH off)' },
  { path: 'address.street', label: 'Rue et numéro' },
  { path: 'address.postcode', label: 'Code postal' },
  { path: 'address.locality', label: 'Localité' },
  { path: 'contact.phone', label: 'Téléphone' },
  { path: 'contact.email', label: 'E-mail public' },
  { path: 'contact.website', label: 'Page web' },
];

function get(o: Record<string, unknown> | undefined, path: string): string {
  const v = path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o);
  return typeof v === 'string' ? v : '';
}

function withEdits(initiative: Record<string, unknown>, form: FormData): Record<string, unknown> {
  const out = structuredClone(initiative);
  for (const { path } of EDITABLE) {
    const value = String(form.get(path) ?? '').trim();
    const keys = path.split('.');
    let target = out as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      target[k] ??= {};
      target = target[k] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1] ?? path;
    if (value) target[last] = value;
    else delete target[last];
  }
  if (out.contact && !Object.keys(out.contact as object).length) delete out.contact;
  return out;
}

function Resubmit({ status, id, token, onDone }: { status: Status; id: string; token: string; onDone(s: Status): void }): ReactNode {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  async function send(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      message: String(form.get('message') ?? ''),
      ...(status.initiative ? { initiative: withEdits(asRecord(status.initiative) ?? {}, form) } : {}),
    };
    const res = await fetch(`/api/submissions/${encodeURIComponent(id)}/resubmit?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      setErrors({});
      onDone(data as Status);
      return;
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries((data as { error?: { fields?: Record<string, string> } }).error?.fields ?? {}))
      fields[k.replace(/^initiative\./, '')] = v;
    setErrors(fields);
    setNote((data as { error?: { message?: string } }).error?.message ?? "L'envoi n'a pas marché. Réessayez dans un moment.");
  }
  return (
    <section aria-labelledby="suivi-corriger" className="formulaire">
      <h2 id="suivi-corriger">Corriger et renvoyer</h2>
      {note && (
        <p role="alert" className="formulaire__erreur">
          {note}
        </p>
      )}
      <form onSubmit={send} noValidate>
        {status.initiative &&
          EDITABLE.map(({ path, label, multiline }) => {
            const fieldId = `suivi-${path.replace('.', '-')}`;
            const common = {
              id: fieldId,
              name: path,
              defaultValue: get(asRecord(status.initiative), path),
              'aria-invalid': errors[path] ? true : undefined,
              'aria-describedby': errors[path] ? `${fieldId}-erreur` : undefined,
            };
            return (
              <div className="formulaire__champ" key={path}>
                <label htmlFor={fieldId}>{label}</label>
                {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
                {errors[path] && (
                  <p className="formulaire__erreur" id={`${fieldId}-erreur`}>
                    {errors[path]}
                  </p>
                )}
              </div>
            );
          })}
        <div className="formulaire__champ">
          <label htmlFor="suivi-message">Votre réponse à l'équipe (obligatoire)</label>
          <textarea
            id="suivi-message"
            name="message"
            rows={3}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={errors.message ? 'suivi-message-erreur' : undefined}
          />
          {errors.message && (
            <p className="formulaire__erreur" id="suivi-message-erreur">
              {errors.message}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary">
          Renvoyer ma proposition
        </button>
      </form>
    </section>
  );
}

export default function Suivi(): ReactNode {
  const params = new URLSearchParams(useLocation().search);
  const id = params.get('id') ?? '';
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; status: Status }>({ kind: 'loading' });

  useEffect(() => {
    if (!id || !token) {
      setState({ kind: 'error', message: 'Ce lien de suivi est incomplet. Utilisez le lien reçu après l’envoi de votre proposition.' });
      return;
    }
    fetch(`/api/submissions/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`)
      .then(async (res) => {
        const body = await res.json();
        setState(
          res.ok ? { kind: 'done', status: body as Status } : { kind: 'error', message: body.error?.message ?? 'Le suivi ne répond pas pour le moment.' },
        );
      })
      .catch(() => setState({ kind: 'error', message: 'Le suivi ne répond pas pour le moment. Réessayez dans quelques minutes.' }));
  }, [id, token]);

  return (
    <Layout title="Suivre ma proposition" description="Où en est votre proposition d'initiative.">
      <main className="container container--narrow margin-vert--lg">
        <h1>Suivre ma proposition</h1>
        <noscript>
          <p>Cette page a besoin de JavaScript. Vous pouvez aussi nous écrire pour connaître l’état de votre proposition.</p>
        </noscript>
        <div role="status" aria-live="polite">
          {state.kind === 'loading' && <p>Chargement…</p>}
          {state.kind === 'error' && <p>{state.message}</p>}
          {state.kind === 'done' && (
            <p>
              <strong>{STATUS_TEXT[state.status.status]}</strong>
            </p>
          )}
        </div>
        {state.kind === 'done' && (
          <>
            <p>
              Envoyée le {formatDateTime(state.status.createdAt)}. Dernier changement le {formatDateTime(state.status.updatedAt)}.
            </p>
            {state.status.reason && (
              <section aria-labelledby="suivi-raison">
                <h2 id="suivi-raison">Le message de l'équipe</h2>
                <p>{state.status.reason}</p>
              </section>
            )}
            {state.status.status === 'changes_requested' && (
              <Resubmit status={state.status} id={id} token={token} onDone={(s) => setState({ kind: 'done', status: s })} />
            )}
            {state.status.thread.length > 0 && (
              <section aria-labelledby="suivi-echanges">
                <h2 id="suivi-echanges">Les échanges</h2>
                <ol>
                  {state.status.thread.map((t) => (
                    <li key={t.at + t.from}>
                      <strong>{t.from === 'moderator' ? "L'équipe" : 'Vous'}</strong> ({formatDateTime(t.at)}) : {t.text}
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </>
        )}
      </main>
    </Layout>
  );
}
