// Options of the notifications plugin: the zod schema (defaults in the schema, French
// messages naming what to fix) and how absent options fall back to the environment
// (SMTP_URL, MODERATOR_EMAILS, WEBHOOK_URL, WEBHOOK_SECRET). Secrets usually live in the
// environment, so the checks that need both are made when the plugin starts
// (`resolveSettings`), with messages that name the option and the variable. No message
// repeats a URL or a secret: they may carry credentials.
import * as z from 'zod';
import type { SideEffectPolicy } from '../../api/types.ts';

/** The events a webhook can receive (option `webhook.events`). */
export const NOTIFICATION_EVENTS = ['created', 'approved', 'rejected', 'changes_requested'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const DEFAULT_FROM = 'Passerelle <no-reply@passerelle.local>';
/** Shortest webhook secret accepted (a 128-bit random secret written in hex is 32 characters). */
export const MIN_SECRET_LENGTH = 16;

const EMAIL_PATTERN = /^[^\s<>@",;:()[\]\\]+@[^\s<>@",;:()[\]\\]+\.[^\s<>@",;:()[\]\\]+$/;

/** One bare address, nothing around it (no name, no list). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/** `adresse@exemple.be` or `Nom <adresse@exemple.be>`, on one line. */
export function isFromAddress(value: string): boolean {
  if (/[\r\n\0]/.test(value)) return false;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  return isEmailAddress((named?.[2] ?? value).trim());
}

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

export const isSmtpUrl = (value: string): boolean => hasProtocol(value, ['smtp:', 'smtps:']);
export const isHttpUrl = (value: string): boolean => hasProtocol(value, ['http:', 'https:']);

const SMTP_URL_MESSAGE = 'une adresse smtp:// ou smtps:// est attendue, par exemple smtp://utilisateur:mot-de-passe@smtp.exemple.be:587.';
const FROM_MESSAGE = 'une adresse d’expéditeur est attendue, sur une ligne : « no-reply@exemple.be » ou « Passerelle <no-reply@exemple.be> ».';
const MODERATOR_MESSAGE = 'une adresse e-mail est attendue, par exemple moderation@exemple.be.';
const WEBHOOK_URL_MESSAGE = 'une adresse http:// ou https:// est attendue, par exemple https://partenaire.exemple.be/passerelle.';
const SECRET_MESSAGE = `le secret doit compter au moins ${MIN_SECRET_LENGTH} caractères ; générez-en un, par exemple avec « openssl rand -hex 32 ».`;
const EVENTS_MESSAGE = `valeurs possibles : ${NOTIFICATION_EVENTS.join(', ')}.`;

/** Messages of a strict object: an unknown key is named, with the keys it accepts. */
function objectMessages(what: string, keys: string[]) {
  return {
    error: (issue: z.core.$ZodRawIssue): string =>
      issue.code === 'unrecognized_keys'
        ? `option inconnue ${(issue as z.core.$ZodRawIssue<z.core.$ZodIssueUnrecognizedKeys>).keys.map((k) => `« ${k} »`).join(', ')} ; options possibles : ${keys.join(', ')}.`
        : `${what} est attendu (un objet { ${keys.join(', ')} }).`,
  };
}

const text = (message: string) => z.string({ error: message }).trim();

const emailSchema = z
  .strictObject(
    {
      /** SMTP server; absent: SMTP_URL. Without either, e-mail is off. */
      smtpUrl: text(SMTP_URL_MESSAGE).refine(isSmtpUrl, SMTP_URL_MESSAGE).optional(),
      from: text(FROM_MESSAGE).refine(isFromAddress, FROM_MESSAGE).default(DEFAULT_FROM),
      /** Who is told of new submissions; absent: MODERATOR_EMAILS (comma-separated). */
      moderators: z
        .array(text(MODERATOR_MESSAGE).refine(isEmailAddress, MODERATOR_MESSAGE), {
          error: 'une liste d’adresses e-mail est attendue, par exemple ["moderation@exemple.be"].',
        })
        .optional(),
    },
    objectMessages('le réglage des e-mails', ['smtpUrl', 'from', 'moderators']),
  )
  .prefault({});

const webhookSchema = z
  .strictObject(
    {
      /** Where to POST; absent: WEBHOOK_URL. Without either, no webhook. */
      url: text(WEBHOOK_URL_MESSAGE).refine(isHttpUrl, WEBHOOK_URL_MESSAGE).optional(),
      /** HMAC key of the signature; absent: WEBHOOK_SECRET. Required with a url. */
      secret: z.string({ error: SECRET_MESSAGE }).min(MIN_SECRET_LENGTH, SECRET_MESSAGE).optional(),
      events: z
        .array(z.enum(NOTIFICATION_EVENTS, { error: EVENTS_MESSAGE }), { error: `une liste d’événements est attendue ; ${EVENTS_MESSAGE}` })
        .min(1, `choisissez au moins un événement (${NOTIFICATION_EVENTS.join(', ')}), ou retirez l’adresse du webhook.`)
        .transform((events) => [...new Set(events)])
        .default([...NOTIFICATION_EVENTS]),
    },
    objectMessages('le réglage du webhook', ['url', 'secret', 'events']),
  )
  .prefault({});

const integer = (min: number, max: number, unit: string) =>
  z
    .int({ error: `un nombre entier est attendu (${unit}).` })
    .min(min, `${min} au minimum.`)
    .max(max, `${max} au maximum.`);

export const notificationsOptions = z
  .strictObject(
    {
      email: emailSchema,
      webhook: webhookSchema,
      /** Time limit of one sending attempt; failed sends are retried by the publish pipeline until they succeed. */
      timeoutMs: integer(100, 60_000, 'millisecondes').default(10_000),
    },
    objectMessages('le réglage des notifications', ['email', 'webhook', 'timeoutMs']),
  )
  .prefault({});

export type NotificationsOptions = z.output<typeof notificationsOptions>;
/** The options as written in passerelle.config.ts (every key optional). */
export type NotificationsOptionsInput = z.input<typeof notificationsOptions>;

/** What the plugin uses when no option is given (before the environment is read). */
export const DEFAULT_OPTIONS: NotificationsOptions = notificationsOptions.parse(undefined);

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  /** May be empty: then new submissions are not e-mailed. */
  moderators: string[];
}

export interface WebhookSettings {
  url: string;
  secret: string;
  events: ReadonlySet<NotificationEvent>;
}

/** The options once the environment filled the gaps: a channel is absent when it is off. */
export interface NotificationSettings {
  email?: EmailSettings;
  webhook?: WebhookSettings;
  sideEffects: SideEffectPolicy;
}

type Env = Readonly<Record<string, string | undefined>>;

const fromEnv = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * Fills absent options from the environment and checks what only the pair can tell.
 * Throws an Error whose French message names the option and the variable.
 */
export function resolveSettings(options: NotificationsOptions, env: Env): NotificationSettings {
  const settings: NotificationSettings = { sideEffects: { timeoutMs: options.timeoutMs } };

  const smtpUrl = options.email.smtpUrl ?? fromEnv(env, 'SMTP_URL');
  if (smtpUrl !== undefined && options.email.smtpUrl === undefined && !isSmtpUrl(smtpUrl)) {
    throw new Error(`option « email.smtpUrl » (variable SMTP_URL) : ${SMTP_URL_MESSAGE}`);
  }
  let moderators = options.email.moderators;
  if (moderators === undefined) {
    moderators = (fromEnv(env, 'MODERATOR_EMAILS') ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    const wrong = moderators.findIndex((address) => !isEmailAddress(address));
    if (wrong >= 0)
      throw new Error(
        `option « email.moderators » (variable MODERATOR_EMAILS, adresse n° ${wrong + 1}) : ${MODERATOR_MESSAGE} Séparez les adresses par des virgules.`,
      );
  }
  if (smtpUrl) settings.email = { smtpUrl, from: options.email.from, moderators: [...new Set(moderators)] };

  const url = options.webhook.url ?? fromEnv(env, 'WEBHOOK_URL');
  if (url !== undefined && options.webhook.url === undefined && !isHttpUrl(url)) {
    throw new Error(`option « webhook.url » (variable WEBHOOK_URL) : ${WEBHOOK_URL_MESSAGE}`);
  }
  if (url) {
    const secret = options.webhook.secret ?? fromEnv(env, 'WEBHOOK_SECRET');
    if (!secret) {
      throw new Error(
        'option « webhook.secret » (variable WEBHOOK_SECRET) : un secret est obligatoire quand une adresse de webhook est donnée (option « webhook.url » ou variable WEBHOOK_URL) ; il sert à signer chaque envoi. Générez-en un, par exemple avec « openssl rand -hex 32 ».',
      );
    }
    if (options.webhook.secret === undefined && secret.length < MIN_SECRET_LENGTH)
      throw new Error(`option « webhook.secret » (variable WEBHOOK_SECRET) : ${SECRET_MESSAGE}`);
    settings.webhook = { url, secret, events: new Set(options.webhook.events) };
  }
  return settings;
}
