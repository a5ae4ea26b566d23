// The signed webhook against a real HTTP server on 127.0.0.1 that checks the signature the
// way a partner would (HMAC-SHA256 of the raw body, constant-time comparison): a 500 is
// retried and the retry carries the same delivery id and a valid signature; an unreachable
// address is retried, then dropped and logged; the payload never names the submitter; only
// the subscribed events are sent; a retry redoes only the channel that failed (no second mail).
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsOptionsInput } from '../../../../plugins/builtin/notifications/index.ts';
import { approvedEvent, closedPort, createdEvent, decisionEvent, loadNotifications, SITE_URL, startSmtp } from './helpers.ts';

const SECRET = 'un-secret-de-test-assez-long-0123456789';

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

/** What a receiver does: HMAC of the raw body with the shared secret, compared in constant time. */
function verify(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let server: http.Server;
let url: string;
const deliveries: Delivery[] = [];
/** Status codes to answer, in order; 204 once empty. */
const answers: number[] = [];
const hosts: ReturnType<typeof loadNotifications>['host'][] = [];

function load(options: NotificationsOptionsInput) {
  const loaded = loadNotifications({ timeoutMs: 2000, ...options }, {}, { retries: 2, backoffMs: 10, timeoutMs: 2000 });
  hosts.push(loaded.host);
  return loaded;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signatureValid = verify(SECRET, raw, req.headers['x-passerelle-signature']);
      deliveries.push({ headers: req.headers, body: raw.toString('utf8'), signatureValid });
      res.statusCode = signatureValid ? (answers.shift() ?? 204) : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/passerelle`;
});

afterEach(() => {
  deliveries.length = 0;
  answers.length = 0;
  for (const host of hosts.splice(0)) host.close();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('notification webhook', () => {
  it('retries after a 500 with the same delivery id and a valid signature', async () => {
    answers.push(500);
    const { host, logger } = load({ webhook: { url, secret: SECRET } });
    await host.emit('onApproved', approvedEvent());
    await host.idle();

    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((d) => d.signatureValid)).toBe(true);
    const [first, second] = deliveries;
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['x-passerelle-event']).toBe('submission.approved');
    expect(second!.headers['x-passerelle-delivery']).toBe(first!.headers['x-passerelle-delivery']);
    const payload = JSON.parse(second!.body) as Record<string, unknown>;
    expect(payload).toEqual({
      event: 'submission.approved',
      id: first!.headers['x-passerelle-delivery'],
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      submission: { id: 'sub_test1', type: 'create' },
      initiative: {
        id: 'atelier-tablette-de-marcinelle',
        name: 'Atelier tablette de Marcinelle',
        status: 'active',
        url: `${SITE_URL}/annuaire/atelier-tablette-de-marcinelle`,
      },
    });
    expect(JSON.parse(first!.body)).toMatchObject({ id: payload.id });

    const hostLines = logger.lines.filter((l) => l.plugin === 'notifications' && l.hook === 'onApproved');
    expect(hostLines.map((l) => [l.level, l.attempt, l.msg])).toEqual([
      ['warn', 1, 'a side effect failed; it will be retried'],
      ['info', 2, 'a side effect succeeded after a retry'],
    ]);
    expect(hostLines[0]!.err).toMatchObject({ name: 'WebhookDeliveryError', message: 'webhook answered HTTP 500', status: 500 });
  });

  it('retries an unreachable address, then drops the event and logs it with the plugin name', async () => {
    const { host, logger } = load({ webhook: { url: `http://127.0.0.1:${await closedPort()}/x`, secret: SECRET } });
    await host.emit('onRejected', decisionEvent('Hors territoire.'));
    await host.idle();
    expect(logger.lines.filter((l) => l.level === 'warn' && l.plugin === 'notifications').map((l) => l.attempt)).toEqual([1, 2]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      expect.objectContaining({
        plugin: 'notifications',
        hook: 'onRejected',
        attempt: 3,
        msg: 'a side effect failed for the last time in this test',
        err: expect.objectContaining({ name: 'WebhookDeliveryError', message: 'webhook unreachable (ECONNREFUSED)' }),
      }),
    ]);
  });

  it('never sends the submitter, the moderator nor the report message; sends the reason of a decision', async () => {
    const { host } = load({ webhook: { url, secret: SECRET } });
    await host.emit('onSubmissionCreated', createdEvent());
    await host.emit(
      'onSubmissionCreated',
      createdEvent({
        id: 'sub_report',
        type: 'report',
        initiative: undefined,
        targetId: 'permanence-marcinelle',
        message: 'Fermé depuis mars, voir Awa au 0470 00 00 00',
      }),
    );
    await host.emit(
      'onChangesRequested',
      decisionEvent('Ajoutez les horaires.', {
        id: 'sub_update',
        type: 'update',
        targetId: 'permanence-marcinelle',
        imported: { source: 'lmn-json', ref: 'ligne 4' },
      }),
    );
    await host.idle();
    expect(deliveries).toHaveLength(3);
    for (const d of deliveries) {
      expect(d.body).not.toContain('awa@example.be');
      expect(d.body).not.toContain('Awa');
      expect(d.body).not.toContain('Amis de Marcinelle');
      expect(d.body).not.toContain('moderatrice@passerelle.test');
      expect(d.body).not.toContain('0470');
    }
    const bodies = deliveries.map((d) => JSON.parse(d.body) as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({
      event: 'submission.created',
      submission: { id: 'sub_test1', type: 'create' },
      initiative: { name: 'Atelier tablette de Marcinelle' },
    });
    expect(bodies[1]).toMatchObject({
      event: 'submission.created',
      submission: { id: 'sub_report', type: 'report', targetId: 'permanence-marcinelle' },
      initiative: { id: 'permanence-marcinelle' },
    });
    expect(bodies[2]).toMatchObject({
      event: 'submission.changes_requested',
      submission: { id: 'sub_update', type: 'update', targetId: 'permanence-marcinelle', imported: { source: 'lmn-json', ref: 'ligne 4' } },
      reason: 'Ajoutez les horaires.',
    });
    expect(new Set(bodies.map((b) => b.id)).size).toBe(3);
  });

  it('sends only the subscribed events', async () => {
    const { host } = load({ webhook: { url, secret: SECRET, events: ['approved'] } });
    await host.emit('onSubmissionCreated', createdEvent());
    await host.emit('onRejected', decisionEvent('Non.'));
    await host.emit('onApproved', approvedEvent());
    await host.idle();
    expect(deliveries.map((d) => d.headers['x-passerelle-event'])).toEqual(['submission.approved']);
  });

  it('reads WEBHOOK_URL and WEBHOOK_SECRET when the options are absent', async () => {
    const { host } = loadNotifications(undefined, { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET });
    hosts.push(host);
    await host.emit('onSubmissionCreated', createdEvent());
    await host.idle();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.signatureValid).toBe(true);
  });

  it('retries only the channel that failed: the e-mail is not sent twice', async () => {
    const smtp = await startSmtp();
    try {
      answers.push(503);
      const { host } = load({ email: { smtpUrl: smtp.url, moderators: ['moderation@passerelle.test'] }, webhook: { url, secret: SECRET } });
      await host.emit('onSubmissionCreated', createdEvent());
      await host.idle();
      expect(deliveries).toHaveLength(2);
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});
