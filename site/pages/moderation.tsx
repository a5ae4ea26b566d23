// /moderation: the moderators' workspace. Log in, read the queue, open a submission (with
// the field-by-field comparison for updates), approve (optionally with edits, checked by
// the server), reject with a reason, ask for changes, read the audit log. Every state
// change sends the session's CSRF token.

import Layout from '@theme/Layout';
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '../../core/statuses.ts';
import { sitePaths } from '../../core/urls.ts';
import type { ApiErrorBody } from '../../core/wire/errors.ts';
import type { AuditEntry, ModerationView } from '../../core/wire/moderation.ts';

type Item = ModerationView;
type ApiError = ApiErrorBody;

const TYPES = SUBMISSION_TYPE_LABELS;
const STATUSES = Object.entries(SUBMISSION_STATUS_LABELS) as [string, string][];
/** A decision's steps still to do (GET /api/moderation/publishing). */
interface ListingProgress {
  job: string;
  initiative?: string;
  name?: string;
  steps: { step: string; label: string; failing: boolean; lastError?: string; retryInSeconds?: number }[];
}

/** « Recherche pas encore à jour : le moteur de recherche ne répond pas, nouvel essai dans 30 s ». */
function stepText(s: ListingProgress['steps'][number]): string {
  if (!s.failing) return `${s.label} : en cours`;
  const retry = s.retryInSeconds === undefined ? '' : `, nouvel essai dans ${s.retryInSeconds} s`;
  return `${s.label} pas encore à jour : ${s.lastError ?? 'échec'}${retry}`;
}

function PublishingPanel({ listings }: { listings: ListingProgress[] }): ReactNode {
  if (!listings.length) return null;
  return (
    <section aria-labelledby="publication-titre" className="publication-en-cours">
      <h2 id="publication-titre">Publication en cours</h2>
      <ul>
        {listings.map((l) => (
          <li key={l.job}>
            {l.initiative ? <a href={sitePaths.initiative(l.initiative)}>{l.name ?? l.initiative}</a> : (l.name ?? 'Demande')}
            <ul>
              {l.steps.map((s) => (
                <li key={s.step}>{stepText(s)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const when = (iso: string) => new Date(iso).toLocaleString('fr-BE', { timeZone: 'Europe/Brussels' });

export default function Moderation(): ReactNode {
  const [csrf, setCsrf] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('pending');
  const [items, setItems] = useState<Item[]>([]);
  const [current, setCurrent] = useState<Item | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [edits, setEdits] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [publishing, setPublishing] = useState<ListingProgress[]>([]);

  const call = useCallback(
    async <T,>(method: string, url: string, body?: unknown): Promise<T | null> => {
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 204) return null;
      const data = (await res.json().catch(() => ({}))) as T & ApiError;
      if (!res.ok) {
        setMessage(data.error?.message ?? 'Une erreur est survenue.');
        setFieldErrors(data.error?.fields ?? {});
        if (res.status === 401) setCsrf(null);
        return null;
      }
      setFieldErrors({});
      return data;
    },
    [csrf],
  );

  useEffect(() => {
    void fetch('/api/auth/session', { credentials: 'same-origin' }).then(async (res) => {
      if (res.ok) {
        const s = (await res.json()) as { email: string; csrfToken: string };
        setEmail(s.email);
        setCsrf(s.csrfToken);
      }
    });
  }, []);

  const loadQueue = useCallback(async () => {
    const data = await call<{ submissions: Item[] }>('GET', `/api/moderation/submissions?status=${status}`);
    if (data) setItems(data.submissions);
    const waiting = await call<{ listings: ListingProgress[] }>('GET', '/api/moderation/publishing');
    if (waiting) setPublishing(waiting.listings);
  }, [call, status]);

  useEffect(() => {
    if (csrf) void loadQueue();
  }, [csrf, loadQueue]);

  async function login(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = await call<{ email: string; csrfToken: string }>('POST', '/api/auth/login', { email: form.get('email'), password: form.get('password') });
    if (data) {
      setEmail(data.email);
      setCsrf(data.csrfToken);
      setMessage('');
    }
  }

  async function open(id: string): Promise<void> {
    const item = await call<Item>('GET', `/api/moderation/submissions/${id}`);
    if (item) {
      setCurrent(item);
      setEdits(item.initiative ? JSON.stringify(item.initiative, null, 2) : '');
      setMessage('');
    }
  }

  async function decide(action: 'approve' | 'reject' | 'request-changes', body: unknown, done: string): Promise<void> {
    if (!current) return;
    const result = await call<Item>('POST', `/api/moderation/submissions/${current.id}/${action}`, body);
    if (result) {
      setMessage(done);
      setCurrent(null);
      await loadQueue();
    }
  }

  async function approve(): Promise<void> {
    let parsed: unknown;
    if (current?.type !== 'report' && edits.trim() && edits !== JSON.stringify(current?.initiative, null, 2)) {
      try {
        parsed = JSON.parse(edits);
      } catch {
        setMessage('Les modifications ne sont pas du JSON valide : vérifiez les guillemets et les virgules.');
        return;
      }
    }
    await decide('approve', parsed === undefined ? {} : { edits: parsed }, 'Demande acceptée : la fiche est publiée.');
  }

  if (!csrf) {
    return (
      <Layout title="Modération" description="Espace des modérateurs.">
        <main className="container container--narrow margin-vert--lg formulaire">
          <h1>Modération</h1>
          <p role="status" aria-live="polite">
            {message}
          </p>
          <form onSubmit={login}>
            <div className="formulaire__champ">
              <label htmlFor="moderation-email">E-mail</label>
              <input id="moderation-email" name="email" type="email" autoComplete="username" required />
            </div>
            <div className="formulaire__champ">
              <label htmlFor="moderation-password">Mot de passe</label>
              <input id="moderation-password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <button type="submit" className="button button--primary">
              Se connecter
            </button>
          </form>
        </main>
      </Layout>
    );
  }

  return (
    <Layout title="Modération" description="Espace des modérateurs.">
      <main className="container margin-vert--lg formulaire">
        <h1>Modération</h1>
        <p>
          Connecté : {email}.{' '}
          <button
            type="button"
            className="button button--link"
            onClick={async () => {
              await call('POST', '/api/auth/logout');
              setCsrf(null);
            }}
          >
            Se déconnecter
          </button>
        </p>
        <p role="status" aria-live="polite">
          {message}
        </p>
        <PublishingPanel listings={publishing} />
        <nav aria-label="Filtrer la file" className="recherche__vue">
          {STATUSES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              aria-pressed={status === value}
              onClick={() => {
                setStatus(value);
                setCurrent(null);
                setAudit(null);
              }}
            >
              {label}
            </button>
          ))}
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={audit !== null}
            onClick={async () => setAudit((await call<{ entries: AuditEntry[] }>('GET', '/api/moderation/audit'))?.entries ?? [])}
          >
            Journal
          </button>
        </nav>
        {audit !== null ? (
          <section aria-labelledby="journal-titre">
            <h2 id="journal-titre">Journal des décisions</h2>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; the keyboard must reach it (WCAG 2.1.1). */}
            <table tabIndex={0}>
              <thead>
                <tr>
                  <th scope="col">Quand</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Quoi</th>
                  <th scope="col">Demande</th>
                  <th scope="col">Raison</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((e) => (
                  <tr key={`${e.at}-${e.submission}-${e.action}`}>
                    <td>{when(e.at)}</td>
                    <td>{e.by}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.submission}
                      {e.initiative ? ` → ${e.initiative}` : ''}
                    </td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : current ? (
          <section aria-labelledby="demande-titre">
            <h2 id="demande-titre">
              {TYPES[current.type]} : {show(current.initiative?.name ?? current.targetId)}
            </h2>
            <p>
              Envoyée le {when(current.createdAt)} par {current.submitter.name} ({current.submitter.email}
              {current.submitter.organisation ? `, ${current.submitter.organisation}` : ''}). Ces coordonnées ne sont jamais publiées.
            </p>
            {current.message && <p>Message : {current.message}</p>}
            {current.changes && (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; the keyboard must reach it (WCAG 2.1.1).
              <table tabIndex={0}>
                <caption>Ce qui change par rapport à la fiche publiée</caption>
                <thead>
                  <tr>
                    <th scope="col">Champ</th>
                    <th scope="col">Avant</th>
                    <th scope="col">Après</th>
                  </tr>
                </thead>
                <tbody>
                  {current.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.field}</th>
                      <td>{show(c.before)}</td>
                      <td>{show(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {current.type !== 'report' && (
              <div className="formulaire__champ">
                <label htmlFor="moderation-edits">Fiche proposée (vous pouvez la corriger avant d'accepter)</label>
                <textarea
                  id="moderation-edits"
                  rows={16}
                  value={edits}
                  onChange={(e) => setEdits(e.target.value)}
                  aria-describedby={Object.keys(fieldErrors).length ? 'moderation-edits-erreurs' : undefined}
                />
                {Object.keys(fieldErrors).length > 0 && (
                  <ul id="moderation-edits-erreurs" className="formulaire__erreur">
                    {Object.entries(fieldErrors).map(([k, v]) => (
                      <li key={k}>
                        {k} : {v}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {current.status === 'pending' && (
              <>
                <button type="button" className="button button--primary" onClick={approve}>
                  {current.type === 'report' ? 'Accepter : archiver la fiche' : 'Accepter et publier'}
                </button>
                <form
                  onSubmit={async (e) => {
                    e.preventDefault();
                    const text = new FormData(e.currentTarget).get('texte');
                    const action = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'changes' ? 'request-changes' : 'reject';
                    await decide(
                      action,
                      action === 'reject' ? { reason: text } : { message: text },
                      action === 'reject' ? 'Demande refusée.' : 'Modifications demandées au partenaire.',
                    );
                  }}
                >
                  <div className="formulaire__champ">
                    <label htmlFor="moderation-texte">Raison du refus, ou ce qu'il faut changer</label>
                    <textarea id="moderation-texte" name="texte" rows={3} required />
                  </div>
                  <button type="submit" name="action" value="reject" className="button button--secondary">
                    Refuser
                  </button>{' '}
                  <button type="submit" name="action" value="changes" className="button button--secondary">
                    Demander des modifications
                  </button>
                </form>
              </>
            )}
            <p>
              <button type="button" className="button button--link" onClick={() => setCurrent(null)}>
                Retour à la file
              </button>
            </p>
          </section>
        ) : (
          <section aria-labelledby="file-titre">
            <h2 id="file-titre">File ({items.length})</h2>
            {items.length === 0 ? (
              <p>Rien dans cette file.</p>
            ) : (
              <ul className="annuaire__resultats">
                {items.map((i) => (
                  <li key={i.id} className="annuaire__resultat">
                    <button type="button" className="button button--link" onClick={() => open(i.id)}>
                      {TYPES[i.type]} : {show(i.initiative?.name ?? i.targetId)}
                    </button>{' '}
                    — {when(i.createdAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </main>
    </Layout>
  );
}
