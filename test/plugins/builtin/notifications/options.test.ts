// The notifications plugin's options as a config author meets them: every wrong value is
// refused at start with a French message that names the plugin and the option (and the
// environment variable when the value came from there); the defaults, pinned.
import { describe, expect, it } from 'vitest';
import { PluginConfigError } from '../../../../plugins/api/load.ts';
import { DEFAULT_OPTIONS, type NotificationsOptionsInput } from '../../../../plugins/builtin/notifications/index.ts';
import { loadNotifications } from './helpers.ts';

const SECRET = '0123456789abcdef0123';

function problems(options: unknown, env: Record<string, string> = {}): string[] {
  try {
    loadNotifications(options as NotificationsOptionsInput, env);
  } catch (err) {
    expect(err).toBeInstanceOf(PluginConfigError);
    return (err as PluginConfigError).problems;
  }
  throw new Error('the options were accepted');
}

describe('notifications options', () => {
  it.each<[string, unknown, Record<string, string>, string[]]>([
    [
      'a webhook url that is not http(s)',
      { webhook: { url: 'ftp://partenaire.example/x', secret: SECRET } },
      {},
      [
        'plugin « notifications », option « webhook.url » : une adresse http:// ou https:// est attendue, par exemple https://partenaire.exemple.be/passerelle.',
      ],
    ],
    [
      'a webhook url without a secret',
      { webhook: { url: 'https://partenaire.example/x' } },
      {},
      [
        'plugin « notifications » : son initialisation a échoué : option « webhook.secret » (variable WEBHOOK_SECRET) : un secret est obligatoire quand une adresse de webhook est donnée (option « webhook.url » ou variable WEBHOOK_URL) ; il sert à signer chaque envoi. Générez-en un, par exemple avec « openssl rand -hex 32 ».',
      ],
    ],
    [
      'WEBHOOK_URL without WEBHOOK_SECRET',
      undefined,
      { WEBHOOK_URL: 'https://partenaire.example/x' },
      [
        expect.stringMatching(
          /^plugin « notifications » : son initialisation a échoué : option « webhook\.secret » \(variable WEBHOOK_SECRET\) : un secret est obligatoire/,
        ) as unknown as string,
      ],
    ],
    [
      'a short secret',
      { webhook: { url: 'https://partenaire.example/x', secret: 'court' } },
      {},
      [
        'plugin « notifications », option « webhook.secret » : le secret doit compter au moins 16 caractères ; générez-en un, par exemple avec « openssl rand -hex 32 ».',
      ],
    ],
    [
      'a short WEBHOOK_SECRET',
      undefined,
      { WEBHOOK_URL: 'https://partenaire.example/x', WEBHOOK_SECRET: 'court' },
      [
        'plugin « notifications » : son initialisation a échoué : option « webhook.secret » (variable WEBHOOK_SECRET) : le secret doit compter au moins 16 caractères ; générez-en un, par exemple avec « openssl rand -hex 32 ».',
      ],
    ],
    [
      'a WEBHOOK_URL that is not http(s)',
      undefined,
      { WEBHOOK_URL: 'partenaire.example/x', WEBHOOK_SECRET: SECRET },
      [
        'plugin « notifications » : son initialisation a échoué : option « webhook.url » (variable WEBHOOK_URL) : une adresse http:// ou https:// est attendue, par exemple https://partenaire.exemple.be/passerelle.',
      ],
    ],
    [
      'an unknown webhook event',
      { webhook: { events: ['created', 'published'] } },
      {},
      ['plugin « notifications », option « webhook.events.1 » : valeurs possibles : created, approved, rejected, changes_requested.'],
    ],
    [
      'no webhook event',
      { webhook: { events: [] } },
      {},
      [
        'plugin « notifications », option « webhook.events » : choisissez au moins un événement (created, approved, rejected, changes_requested), ou retirez l’adresse du webhook.',
      ],
    ],
    [
      'an SMTP url that is not smtp(s)',
      { email: { smtpUrl: 'https://smtp.example' } },
      {},
      [
        'plugin « notifications », option « email.smtpUrl » : une adresse smtp:// ou smtps:// est attendue, par exemple smtp://utilisateur:mot-de-passe@smtp.exemple.be:587.',
      ],
    ],
    [
      'an SMTP_URL that is not smtp(s)',
      undefined,
      { SMTP_URL: 'mail.example:25' },
      [
        'plugin « notifications » : son initialisation a échoué : option « email.smtpUrl » (variable SMTP_URL) : une adresse smtp:// ou smtps:// est attendue, par exemple smtp://utilisateur:mot-de-passe@smtp.exemple.be:587.',
      ],
    ],
    [
      'a sender on two lines',
      { email: { from: 'Passerelle <a@example.be>\r\nBcc: x@example.be' } },
      {},
      [
        'plugin « notifications », option « email.from » : une adresse d’expéditeur est attendue, sur une ligne : « no-reply@exemple.be » ou « Passerelle <no-reply@exemple.be> ».',
      ],
    ],
    [
      'a moderator that is not an address',
      { email: { moderators: ['moderation@example.be', 'Marie'] } },
      {},
      ['plugin « notifications », option « email.moderators.1 » : une adresse e-mail est attendue, par exemple moderation@exemple.be.'],
    ],
    [
      'moderators as one string',
      { email: { moderators: 'moderation@example.be' } },
      {},
      ['plugin « notifications », option « email.moderators » : une liste d’adresses e-mail est attendue, par exemple ["moderation@exemple.be"].'],
    ],
    [
      'a wrong MODERATOR_EMAILS',
      undefined,
      { MODERATOR_EMAILS: 'a@example.be; b@example.be' },
      [
        'plugin « notifications » : son initialisation a échoué : option « email.moderators » (variable MODERATOR_EMAILS, adresse n° 1) : une adresse e-mail est attendue, par exemple moderation@exemple.be. Séparez les adresses par des virgules.',
      ],
    ],
    ['a time limit out of range', { timeoutMs: 10 }, {}, ['plugin « notifications », option « timeoutMs » : 100 au minimum.']],
    [
      'the old retry options (retries are the publish pipeline’s now)',
      { retry: { retries: 2 } },
      {},
      ['plugin « notifications », option « (les options) » : option inconnue « retry » ; options possibles : email, webhook, timeoutMs.'],
    ],
    [
      'an unknown option',
      { email: { smtp: 'smtp://x' } },
      {},
      ['plugin « notifications », option « email » : option inconnue « smtp » ; options possibles : smtpUrl, from, moderators.'],
    ],
    [
      'options that are not an object',
      'smtp://x',
      {},
      ['plugin « notifications », option « (les options) » : le réglage des notifications est attendu (un objet { email, webhook, timeoutMs }).'],
    ],
  ])('refuses %s', (_what, options, env, expected) => {
    expect(problems(options, env)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(problems({ email: { smtpUrl: 'x', from: '' }, webhook: { url: 'x' } })).toHaveLength(3);
  });

  it('has its defaults in the schema', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      email: { from: 'Passerelle <no-reply@passerelle.local>' },
      webhook: { events: ['created', 'approved', 'rejected', 'changes_requested'] },
      timeoutMs: 10_000,
    });
  });

  it('passes its time limit to the publish pipeline as the side-effect policy', () => {
    const { instance } = loadNotifications({ webhook: { url: 'https://partenaire.example/x', secret: SECRET }, timeoutMs: 2500 });
    expect(instance.sideEffects).toEqual({ timeoutMs: 2500 });
    expect(typeof instance.onApproved).toBe('function');
  });

  it('prefers the options to the environment', () => {
    const { instance } = loadNotifications(
      { webhook: { url: 'https://partenaire.example/x', secret: SECRET } },
      { WEBHOOK_URL: 'pas une adresse', SMTP_URL: 'smtp://127.0.0.1:2525' },
    );
    expect(typeof instance.onSubmissionCreated).toBe('function');
  });
});
