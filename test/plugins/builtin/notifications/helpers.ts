// Shared by the notifications tests: the plugin loaded the way the server loads it
// (options checked by instantiatePlugins, hooks run by a PluginHost), its hooks run in
// attempts like the publish pipeline runs them (same delivery id and `done` marks across
// attempts, a time limit per attempt, a few quick retries: the pipeline's own retry loop is
// tested in test/api/publish/), a logger that keeps its lines for assertions, sample
// events, a real SMTP server on 127.0.0.1 that collects what it receives (with a tiny MIME
// reader for the subject and the text part) and a port where nothing listens.

import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { type Initiative, resolvePaths } from '../../../../core/model/index.ts';
import { normalizeSiteUrl } from '../../../../core/urls.ts';
import { PluginHost } from '../../../../plugins/api/host.ts';
import { instantiatePlugins } from '../../../../plugins/api/load.ts';
import type { ApprovedEvent, DecisionEvent, PluginSubmission, SubmissionCorrectedEvent, SubmissionCreatedEvent } from '../../../../plugins/api/types.ts';
import { type NotificationsOptionsInput, notifications } from '../../../../plugins/builtin/notifications/index.ts';
import { sampleInitiative, sampleSubmitter } from '../../../../scripts/lib/sample-submission.ts';
import { FIXTURE_CONTENT, fixtureModel } from '../../../helpers/content.ts';

export const SITE_URL = normalizeSiteUrl('https://passerelle.test');

import { memoryLogger } from '../../../helpers/logger.ts';

/** A HostLogger keeping every line (with the bindings of its children): the shared test logger. */
export const recordingLogger = memoryLogger;
export type { LogLine } from '../../../helpers/logger.ts';

/** How the test runs a hook's attempts (the pipeline retries for ever, with longer waits). */
export interface RetryPolicy {
  retries: number;
  backoffMs: number;
  timeoutMs: number;
}

type Events = {
  onSubmissionCreated: SubmissionCreatedEvent;
  onSubmissionCorrected: SubmissionCorrectedEvent;
  onApproved: ApprovedEvent;
  onRejected: DecisionEvent;
  onChangesRequested: DecisionEvent;
};

/**
 * Runs a plugin's decision hooks in attempts as the publish pipeline does: the first
 * attempt awaited by `emit`, the next ones in the background (`idle` waits for them),
 * each with the plugin's time limit and an aborted signal at that limit, one delivery id
 * and one set of `done` marks per event. Logs like the pipeline (warn per failed attempt,
 * error when the test's retries are spent).
 */
export class HookAttempts {
  private readonly running = new Set<Promise<void>>();
  private seq = 0;

  constructor(
    readonly host: PluginHost,
    private readonly policy: RetryPolicy,
    private readonly logger: ReturnType<typeof recordingLogger>,
  ) {}

  async emit<H extends keyof Events>(hook: H, event: Events[H]): Promise<void> {
    const deliveryId = `job_test${++this.seq}.notifications`;
    const done = new Set<string>();
    for (const plugin of this.host.withHook(hook)) await this.attempt(plugin, hook, event, deliveryId, done, 1);
  }

  private async attempt<H extends keyof Events>(
    plugin: string,
    hook: H,
    event: Events[H],
    deliveryId: string,
    done: Set<string>,
    attempt: number,
  ): Promise<void> {
    const controller = new AbortController();
    const limit = this.host.timeoutOf(plugin);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.host.runHook(plugin, hook, event as never, { attempt, signal: controller.signal, deliveryId, done, markDone: (k) => void done.add(k) }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const err = Object.assign(new Error(`no answer within ${limit} ms`), { name: 'TimeoutError' });
            controller.abort(err);
            reject(err);
          }, limit);
        }),
      ]);
      if (attempt > 1) this.logger.info({ plugin, hook, attempt }, 'a side effect succeeded after a retry');
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause ?? err;
      if (attempt <= this.policy.retries) {
        const delay = this.policy.backoffMs * 4 ** (attempt - 1);
        this.logger.warn({ err: cause, plugin, hook, attempt, retryInMs: delay }, 'a side effect failed; it will be retried');
        const next = new Promise<void>((r) => setTimeout(r, delay)).then(() => this.attempt(plugin, hook, event, deliveryId, done, attempt + 1));
        this.running.add(next);
        void next.finally(() => this.running.delete(next));
      } else this.logger.error({ err: cause, plugin, hook, attempt }, 'a side effect failed for the last time in this test');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when no attempt is waiting. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  close(): void {}
}

/** The plugin with these options and environment, in a host, as createPluginHost builds it; `retry`: the test's attempts. */
export function loadNotifications(
  options: NotificationsOptionsInput | undefined,
  env: Record<string, string | undefined> = {},
  retry: Partial<RetryPolicy> = {},
) {
  const logger = recordingLogger();
  const policy: RetryPolicy = { retries: 0, backoffMs: 10, timeoutMs: 10_000, ...retry };
  const config = { plugins: [options === undefined ? notifications : ([notifications, options] as const)] };
  const model = fixtureModel();
  const instances = instantiatePlugins(config, 'passerelle.config.ts', (name) => ({
    model,
    paths: resolvePaths({ PASSERELLE_CONTENT_DIR: FIXTURE_CONTENT }),
    siteUrl: SITE_URL,
    logger: logger.child({ plugin: name }),
    env,
    runtime: 'server',
  }));
  const host = new PluginHost(instances, config, logger);
  return { host: new HookAttempts(host, policy, logger), instance: instances[0]!, logger };
}

export function submission(overrides: Partial<PluginSubmission> = {}): PluginSubmission {
  return {
    id: 'sub_test1',
    type: 'create',
    initiative: structuredClone(sampleInitiative) as PluginSubmission['initiative'],
    submitter: { ...sampleSubmitter },
    createdAt: '2025-03-04T10:00:00.000Z',
    ...overrides,
  };
}

export function createdEvent(overrides: Partial<PluginSubmission> = {}): SubmissionCreatedEvent {
  const s = submission(overrides);
  return { submission: s, trackingPath: `/suivi?id=${s.id}` };
}

export function approvedEvent(overrides: Partial<PluginSubmission> = {}): ApprovedEvent {
  const s = submission(overrides);
  const initiative = {
    ...structuredClone(sampleInitiative),
    id: 'atelier-tablette-de-marcinelle',
    source: { origin: 'moderation', submission: s.id },
    updated: '2025-03-05',
    status: 'active',
  } as Initiative;
  return { submission: s, initiative, moderator: 'moderatrice@passerelle.test' };
}

export function decisionEvent(reason: string, overrides: Partial<PluginSubmission> = {}): DecisionEvent {
  return { submission: submission(overrides), moderator: 'moderatrice@passerelle.test', reason };
}

/** A port on 127.0.0.1 where nothing listens (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** MAIL FROM commands seen (each send attempt that reached the server). */
  attempts: number;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) keeping what it receives. */
export async function startSmtp(overrides: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const state = { mails: [] as ReceivedMail[], attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      state.attempts++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('error', (err) => callback(err));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        state.mails.push({ from, to: session.envelope.rcptTo.map((a) => a.address), raw, ...readMime(raw) });
        callback();
      });
    },
    ...overrides,
  });
  // A client killed in the middle of a session (the crash tests kill the server while it
  // sends) resets its connection: expected here, not an error of the test run.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails: state.mails,
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A tiny MIME reader, enough for what nodemailer writes: encoded-word headers, a
// multipart/alternative body, quoted-printable, base64 or 7bit parts.

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const body = cut < 0 ? '' : raw.slice(cut).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qpBytes(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '7bit').toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qpBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
  return body;
}

export function readMime(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitMessage(raw);
  const subject = decodeWords(headers.get('subject') ?? '');
  const type = headers.get('content-type') ?? 'text/plain';
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitMessage(chunk.replace(/^\r?\n/, ''));
      parts.push({ type: part.headers.get('content-type') ?? 'text/plain', content: decodeBody(part.body, part.headers.get('content-transfer-encoding')) });
    }
  } else parts.push({ type, content: decodeBody(body, headers.get('content-transfer-encoding')) });
  const find = (t: string) => (parts.find((p) => p.type.startsWith(t))?.content ?? '').replace(/\r\n/g, '\n');
  return { subject, text: find('text/plain'), html: find('text/html') };
}
