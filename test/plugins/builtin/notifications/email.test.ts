// The notification e-mails through a real SMTP server on 127.0.0.1: moderators are told of
// a new submission, the submitter of an approval (with the page's link), a rejection (with
// the reason) and a request for changes; imported records send nothing; submitted text
// cannot add headers or markup; a refusing server, a closed port and a silent server are
// retried (the test stops after a few attempts; the pipeline never does), each failure
// logged with the plugin's name, never with the submitter's address.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approvedEvent, closedPort, createdEvent, decisionEvent, loadNotifications, SITE_URL, startSmtp, type TestSmtp } from './helpers.ts';

const MODERATORS = ['moderation@passerelle.test', 'equipe@passerelle.test'];
const FAST_RETRY = { retries: 2, backoffMs: 10, timeoutMs: 2000 };

let smtp: TestSmtp;
const hosts: ReturnType<typeof loadNotifications>['host'][] = [];

function load(smtpUrl: string, retry = FAST_RETRY) {
  const loaded = loadNotifications({ email: { smtpUrl, moderators: MODERATORS }, timeoutMs: retry.timeoutMs }, {}, retry);
  hosts.push(loaded.host);
  return loaded;
}

beforeAll(async () => {
  smtp = await startSmtp();
});

afterEach(() => {
  smtp.mails.length = 0;
  for (const host of hosts.splice(0)) host.close();
});

afterAll(async () => {
  await smtp?.close();
});

describe('notification e-mails', () => {
  it('tells the moderators of a new submission, in French, with the moderation link and without the submitter', async () => {
    const { host } = load(smtp.url);
    await host.emit('onSubmissionCreated', createdEvent());
    await host.idle();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to.sort()).toEqual([...MODERATORS].sort());
    expect(mail!.from).toBe('no-reply@passerelle.local');
    expect(mail!.subject).toBe('Nouvelle demande à relire : « Atelier tablette de Marcinelle »');
    expect(mail!.text).toContain('Une nouvelle demande attend votre relecture.');
    expect(mail!.text).toContain('Type : nouvelle initiative\n');
    expect(mail!.text).toContain(`${SITE_URL}/moderation`);
    expect(mail!.html).toContain(`<a href="${SITE_URL}/moderation">`);
    expect(mail!.text).toContain(`ouvrez l’espace de modération :\n${SITE_URL}/moderation`);
    expect(mail!.raw).not.toContain('awa@example.be');
    expect(mail!.text).not.toContain('Awa Diallo');
  });

  it('sends the submitter a receipt with the tracking link, so it cannot be lost', async () => {
    const { host } = load(smtp.url);
    await host.emit('onSubmissionCreated', { ...createdEvent(), submitterTrackingPath: '/suivi?id=sub_test1&token=secret-token' });
    await host.idle();
    expect(smtp.mails).toHaveLength(2);
    const receipt = smtp.mails.find((m) => m.to.includes('awa@example.be'))!;
    expect(receipt.subject).toBe('Votre proposition est bien reçue : « Atelier tablette de Marcinelle »');
    expect(receipt.text).toContain(`gardez ce lien :\n${SITE_URL}/suivi?id=sub_test1&token=secret-token\n`);
    // The moderators' mail never carries the token.
    const moderators = smtp.mails.find((m) => !m.to.includes('awa@example.be'))!;
    expect(moderators.raw).not.toContain('secret-token');
  });

  it('tells the moderators when a submission comes back corrected, with the association’s words', async () => {
    const { host } = load(smtp.url);
    await host.emit('onSubmissionCorrected', {
      submission: createdEvent().submission,
      message: 'Les horaires du vendredi sont ajoutés.',
      trackingPath: '/suivi?id=sub_test1',
    });
    await host.idle();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to.sort()).toEqual([...MODERATORS].sort());
    expect(mail!.subject).toBe('Corrigée par l’association : « Atelier tablette de Marcinelle »');
    expect(mail!.text).toContain('> Les horaires du vendredi sont ajoutés.');
  });

  it('tells a reporter that a report answered without change is handled, never refused', async () => {
    const { host } = load(smtp.url);
    await host.emit(
      'onRejected',
      decisionEvent('Nous avons appelé : la permanence a toujours lieu le mardi.', { type: 'report', targetId: 'permanence-marcinelle' }),
    );
    await host.idle();
    const [mail] = smtp.mails;
    expect(mail!.subject).toMatch(/^Votre signalement est traité/);
    expect(mail!.text).toContain('Voici sa réponse :');
    expect(mail!.text).not.toMatch(/refus|pas retenu/i);
  });

  it('tells the submitter of an approval with the link to the published page', async () => {
    const { host } = load(smtp.url);
    await host.emit('onApproved', approvedEvent());
    await host.idle();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toEqual(['awa@example.be']);
    expect(mail!.raw).toMatch(/^To: Awa Diallo <awa@example\.be>$/m);
    expect(mail!.subject).toBe('Votre initiative est publiée : « Atelier tablette de Marcinelle »');
    expect(mail!.text).toContain('Bonjour Awa Diallo,');
    expect(mail!.text).toContain(`Voici sa page :\n${SITE_URL}/annuaire/atelier-tablette-de-marcinelle\n`);
  });

  it('tells the submitter of a rejection with the reason quoted, and of a request for changes', async () => {
    const { host } = load(smtp.url);
    await host.emit('onRejected', decisionEvent('Cette activité est hors du territoire.\nElle se passe à Namur.'));
    await host.emit('onChangesRequested', decisionEvent('Ajoutez les horaires du mercredi.', { id: 'sub_test2' }));
    await host.idle();
    expect(smtp.mails).toHaveLength(2);
    const rejected = smtp.mails.find((m) => m.subject.includes('pas acceptée'))!;
    expect(rejected.to).toEqual(['awa@example.be']);
    expect(rejected.subject).toBe('Votre proposition n’est pas acceptée : « Atelier tablette de Marcinelle »');
    expect(rejected.text).toContain('Voici la raison :\n\n> Cette activité est hors du territoire.\n> Elle se passe à Namur.');
    const changes = smtp.mails.find((m) => m.subject.startsWith('Des changements sont demandés : « Atelier'))!;
    expect(changes.text).toContain('> Ajoutez les horaires du mercredi.');
    expect(changes.text).toContain('utilisez le lien de suivi reçu lors de l’envoi');
  });

  it('keeps submitted text as data: no header from a name or a reason, HTML escaped', async () => {
    const { host } = load(smtp.url);
    const event = decisionEvent('<script>alert(1)</script> & "guillemets"', {
      submitter: { name: 'Awa\r\nBcc: intrus@example.com', email: 'awa@example.be' },
      initiative: { ...createdEvent().submission.initiative!, name: 'Atelier\r\nBcc: intrus@example.com' },
    });
    await host.emit('onRejected', event);
    await host.idle();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toEqual(['awa@example.be']);
    expect(mail!.raw).not.toMatch(/^Bcc:/im);
    expect(mail!.subject).toBe('Votre proposition n’est pas acceptée : « Atelier Bcc: intrus@example.com »');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;guillemets&quot;');
    expect(mail!.html).not.toContain('<script>');
  });

  it('sends no e-mail for the records of a bulk import', async () => {
    const { host } = load(smtp.url);
    const imported = { imported: { source: 'lmn-json', ref: 'ligne 3' } };
    await host.emit('onSubmissionCreated', createdEvent(imported));
    await host.emit('onApproved', approvedEvent(imported));
    await host.emit('onRejected', decisionEvent('Doublon.', imported));
    await host.idle();
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries a refusing server, then drops the mail and logs it with the plugin name but not the address', async () => {
    const refusing = await startSmtp({
      onRcptTo(address, _session, callback) {
        callback(Object.assign(new Error(`Mailbox <${address.address}> unavailable`), { responseCode: 451 }));
      },
    });
    try {
      const { host, logger } = load(refusing.url);
      await host.emit('onRejected', decisionEvent('Hors territoire.'));
      await host.idle();
      expect(refusing.attempts).toBe(3);
      expect(refusing.mails).toHaveLength(0);
      const warnings = logger.lines.filter((l) => l.level === 'warn' && l.plugin === 'notifications' && l.hook === 'onRejected');
      expect(warnings.map((l) => l.attempt)).toEqual([1, 2]);
      const dropped = logger.lines.filter((l) => l.level === 'error');
      expect(dropped).toHaveLength(1);
      expect(dropped[0]).toMatchObject({
        plugin: 'notifications',
        hook: 'onRejected',
        attempt: 3,
        msg: 'a side effect failed for the last time in this test',
      });
      const err = dropped[0]!.err as Error & { responseCode?: number };
      expect(err.name).toBe('EmailSendError');
      expect(err.responseCode).toBe(451);
      expect(JSON.stringify(logger.lines)).not.toContain('awa@example.be');
    } finally {
      await refusing.close();
    }
  });

  it('retries a closed port, then drops the mail and logs it', async () => {
    const { host, logger } = load(`smtp://127.0.0.1:${await closedPort()}`);
    await host.emit('onApproved', approvedEvent());
    await host.idle();
    expect(logger.lines.filter((l) => l.level === 'warn' && l.plugin === 'notifications')).toHaveLength(2);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      expect.objectContaining({
        plugin: 'notifications',
        hook: 'onApproved',
        attempt: 3,
        err: expect.objectContaining({ name: 'EmailSendError', message: expect.stringContaining('ECONNREFUSED') }),
      }),
    ]);
  });

  it('gives up an attempt at its time limit and closes the connection', async () => {
    const sockets: net.Socket[] = [];
    let closed = 0;
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.on('close', () => closed++);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const { host, logger } = load(`smtp://127.0.0.1:${port}`, { retries: 0, backoffMs: 10, timeoutMs: 300 });
      // The server never greets: emit returns only because the attempt's time limit (300 ms,
      // far below nodemailer's own timeouts) ended it.
      await host.emit('onSubmissionCreated', createdEvent());
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
        expect.objectContaining({
          plugin: 'notifications',
          hook: 'onSubmissionCreated',
          attempt: 1,
          err: expect.objectContaining({ name: 'TimeoutError', message: 'no answer within 300 ms' }),
        }),
      ]);
      await host.idle();
      expect(sockets).toHaveLength(1);
      // The aborted attempt hangs up; a generous bound, so that a loaded machine cannot fail it.
      await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('has no hook and says once that e-mail is off when neither SMTP nor a webhook is configured', () => {
    const { instance, logger } = loadNotifications(undefined, {});
    expect(Object.keys(instance)).toEqual(['name']);
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'info', plugin: 'notifications', msg: expect.stringContaining('e-mail notifications are off') }),
    ]);
  });

  it('reads SMTP_URL and MODERATOR_EMAILS when the options are absent', async () => {
    const { host } = loadNotifications(undefined, { SMTP_URL: smtp.url, MODERATOR_EMAILS: ' a@passerelle.test, b@passerelle.test ,' });
    hosts.push(host);
    await host.emit('onSubmissionCreated', createdEvent());
    await host.idle();
    expect(smtp.mails.map((m) => m.to.sort())).toEqual([['a@passerelle.test', 'b@passerelle.test']]);
  });
});
