// The moderation desk (/moderation): log in, the queue with its filters, one submission at
// a time (preview, map, form, exchange, decisions), the decision log, and what publishing
// still has to do. Built for twenty proposals a morning at the keyboard: after each
// decision the next submission opens with the focus on its title, and what happened is said
// in the live region (« « X » : acceptée, la fiche sera publiée. Suivante : Y. »).
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { Patch } from '../../../core/model/initiative-patch.ts';
import type { ProposalVocabularies } from '../../../core/proposal-form.ts';
import type { AuditView, Change, DeskSettings, ModerationView } from '../../../core/wire/moderation.ts';
import type { Errors } from '../ProposalForm/widgets.tsx';
import { callApi } from './api.ts';
import Item, { type Decision, deskErrors, typing } from './Item.tsx';
import Journal from './Journal.tsx';
import Publishing, { type ListingProgress } from './Publishing.tsx';
import Queue, { DEFAULT_FILTERS, type QueueFilters, queueQuery } from './Queue.tsx';
import Shortcuts from './Shortcuts.tsx';

type Screen = { kind: 'queue' } | { kind: 'item'; item: ModerationView } | { kind: 'journal'; entries: AuditView[] };

const DONE: Record<Decision['action'], (name: string, report: boolean, archive: boolean) => string> = {
  approve: (name, report, archive) =>
    report
      ? archive
        ? `« ${name} » : fiche archivée.`
        : `« ${name} » : fiche corrigée, elle sera publiée.`
      : `« ${name} » : acceptée, la fiche sera publiée.`,
  reject: (name, report) => (report ? `« ${name} » : réponse envoyée, la fiche ne change pas.` : `« ${name} » : refusée, la raison est envoyée.`),
  'request-changes': (name) => `« ${name} » : modifications demandées à la personne.`,
};

/** Focuses an element once React has shown it (a few tries, a second at most). */
function focusSoon(id: string, pick: () => HTMLElement | null = () => document.getElementById(id)): void {
  let tries = 0;
  const tick = () => {
    const element = pick();
    if (element) element.focus();
    else if (tries++ < 50) window.setTimeout(tick, 20);
  };
  window.setTimeout(tick);
}

export default function Desk(): ReactNode {
  const [csrf, setCsrf] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState('');
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [items, setItems] = useState<ModerationView[]>([]);
  const [loading, setLoading] = useState(false);
  const [screen, setScreen] = useState<Screen>({ kind: 'queue' });
  const [publishing, setPublishing] = useState<ListingProgress[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const lastOpened = useRef<string | null>(null);

  const api = useCallback(
    async <T,>(method: string, url: string, body?: unknown) => {
      const result = await callApi<T>(csrf, method, url, body);
      if (!result.ok && result.status === 401) setCsrf(null);
      return result;
    },
    [csrf],
  );

  useEffect(() => {
    void callApi<{ email: string; csrfToken: string }>(null, 'GET', '/api/auth/session').then((r) => {
      if (r.ok) {
        setEmail(r.data.email);
        setCsrf(r.data.csrfToken);
      }
      setChecked(true);
    });
  }, []);

  const loadQueue = useCallback(
    async (f: QueueFilters): Promise<ModerationView[]> => {
      setLoading(true);
      const [queue, waiting] = await Promise.all([
        api<{ submissions: ModerationView[] }>('GET', `/api/moderation/submissions?${queueQuery(f)}`),
        api<{ listings: ListingProgress[] }>('GET', '/api/moderation/publishing'),
      ]);
      setLoading(false);
      if (waiting.ok) setPublishing(waiting.data.listings);
      if (!queue.ok) {
        setStatus(queue.message);
        return [];
      }
      setItems(queue.data.submissions);
      return queue.data.submissions;
    },
    [api],
  );

  useEffect(() => {
    if (!csrf) return;
    void api<DeskSettings>('GET', '/api/moderation/desk').then((r) => r.ok && setSettings(r.data));
  }, [csrf, api]);

  useEffect(() => {
    if (!csrf) return;
    const timer = window.setTimeout(() => {
      void loadQueue(filters).then((list) => setStatus(`${list.length} demande${list.length > 1 ? 's' : ''} dans la file.`));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [csrf, filters, loadQueue]);

  const open = useCallback(
    async (id: string) => {
      const r = await api<ModerationView>('GET', `/api/moderation/submissions/${encodeURIComponent(id)}`);
      if (!r.ok) {
        setStatus(r.message);
        return;
      }
      lastOpened.current = id;
      setErrors({});
      setMessage(undefined);
      setScreen({ kind: 'item', item: r.data });
    },
    [api],
  );

  const backToQueue = useCallback(() => {
    setScreen({ kind: 'queue' });
    const id = lastOpened.current;
    focusSoon(
      'file-titre',
      () => (id ? document.querySelector<HTMLButtonElement>(`[data-demande="${CSS.escape(id)}"]`) : null) ?? document.getElementById('file-titre'),
    );
  }, []);

  /** The submission after `id` in the queue as it is now (or the first), or nothing. */
  const nextAfter = useCallback((id: string, list: ModerationView[], before: ModerationView[]) => {
    const index = before.findIndex((i) => i.id === id);
    const after = list.filter((i) => i.id !== id);
    const later = before.slice(index + 1).find((i) => after.some((a) => a.id === i.id));
    return later ?? after[0];
  }, []);

  const goNext = useCallback(
    async (id: string, said: string) => {
      const before = items;
      const list = await loadQueue(filters);
      const next = nextAfter(id, list, before);
      if (!next) {
        setScreen({ kind: 'queue' });
        setStatus(`${said} La file est vide : tout est traité.`);
        focusSoon('file-titre');
        return;
      }
      await open(next.id);
      const position = list.findIndex((i) => i.id === next.id) + 1;
      setStatus(`${said} Demande suivante : « ${next.name} » (${position} sur ${list.length}).`);
    },
    [items, filters, loadQueue, nextAfter, open],
  );

  const decide = useCallback(
    async (decision: Decision) => {
      if (screen.kind !== 'item') return;
      const { item } = screen;
      setBusy(true);
      const url = `/api/moderation/submissions/${encodeURIComponent(item.id)}/${decision.action}`;
      const body =
        decision.action === 'approve'
          ? { ...(decision.edits ? { edits: decision.edits } : {}), ...(decision.report ? { action: decision.report } : {}) }
          : decision.action === 'reject'
            ? { reason: decision.text }
            : { message: decision.text };
      const r = await api<ModerationView>('POST', url, body);
      setBusy(false);
      if (!r.ok) {
        setErrors(deskErrors(r.fields));
        setMessage(r.message);
        setStatus(`Pas encore fait : ${r.message}`);
        focusSoon(Object.keys(r.fields).length ? 'bureau-bilan' : 'demande-titre');
        return;
      }
      await goNext(item.id, DONE[decision.action](item.name, item.type === 'report', decision.action === 'approve' && decision.report === 'archive'));
    },
    [screen, api, goNext],
  );

  const preview = useCallback(
    async (edits: Patch) => {
      if (screen.kind !== 'item') return null;
      const r = await api<{ preview: unknown; changes: Change[] }>('POST', `/api/moderation/submissions/${encodeURIComponent(screen.item.id)}/preview`, {
        edits,
      });
      return r.ok ? r.data : null;
    },
    [screen, api],
  );

  const showJournal = useCallback(async () => {
    const r = await api<{ entries: AuditView[] }>('GET', '/api/moderation/audit');
    if (r.ok) {
      setScreen({ kind: 'journal', entries: r.data.entries });
      focusSoon('journal-titre');
    }
  }, [api]);

  // Desk-wide keys: « / » search the queue, « j » the log (never while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!csrf || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        if (screen.kind !== 'queue') setScreen({ kind: 'queue' });
        focusSoon('file-q');
      } else if (e.key.toLowerCase() === 'j' && screen.kind !== 'journal') {
        e.preventDefault();
        void showJournal();
      } else if (e.key === 'Escape' && screen.kind === 'journal') {
        e.preventDefault();
        backToQueue();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [csrf, screen.kind, showJournal, backToQueue]);

  async function login(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const r = await callApi<{ email: string; csrfToken: string }>(null, 'POST', '/api/auth/login', {
      email: form.get('email'),
      password: form.get('password'),
    });
    if (!r.ok) {
      setStatus(r.message);
      return;
    }
    setEmail(r.data.email);
    setCsrf(r.data.csrfToken);
    setStatus('Connecté. La file se charge.');
    focusSoon('file-titre');
  }

  const live = (
    <p className="bureau__etat" role="status" aria-live="polite">
      {status}
    </p>
  );

  if (!csrf) {
    return (
      <main className="container container--narrow margin-vert--lg formulaire">
        <h1>Modération</h1>
        {live}
        {checked && (
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
        )}
      </main>
    );
  }

  const vocab = (settings?.vocab ?? null) as ProposalVocabularies | null;
  const position = screen.kind === 'item' ? `Demande ${Math.max(1, items.findIndex((i) => i.id === screen.item.id) + 1)} sur ${Math.max(items.length, 1)}` : '';
  return (
    <main className="container margin-vert--lg bureau">
      <h1>Modération</h1>
      <div className="bureau__entete">
        <p>
          Connecté : {email}.{' '}
          <button
            type="button"
            className="button button--link"
            onClick={async () => {
              await api('POST', '/api/auth/logout');
              setCsrf(null);
            }}
          >
            Se déconnecter
          </button>
        </p>
        <nav aria-label="Espace de modération" className="bureau__nav">
          <button type="button" className="button button--secondary" aria-pressed={screen.kind !== 'journal'} onClick={backToQueue}>
            La file
          </button>
          <button type="button" className="button button--secondary" aria-pressed={screen.kind === 'journal'} onClick={showJournal} aria-keyshortcuts="J">
            Journal des décisions
          </button>
        </nav>
      </div>
      {live}
      <Shortcuts />
      <Publishing listings={publishing} />
      {screen.kind === 'journal' && <Journal entries={screen.entries} />}
      {screen.kind === 'queue' && <Queue items={items} filters={filters} vocab={vocab} loading={loading} onFilters={setFilters} onOpen={open} />}
      {screen.kind === 'item' && vocab && settings && (
        <Item
          key={screen.item.id}
          item={screen.item}
          vocab={vocab}
          tiles={settings.tiles}
          position={position}
          errors={errors}
          {...(message ? { message } : {})}
          busy={busy}
          decide={decide}
          preview={preview}
          skip={() => void goNext(screen.item.id, '')}
          back={backToQueue}
        />
      )}
    </main>
  );
}
