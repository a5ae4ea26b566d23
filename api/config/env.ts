// The environment, read once at boot: one zod schema for every variable the README lists.
// A wrong value stops the start before anything runs (no site build, no Meilisearch, no
// port taken), with one line per problem naming the variable, what is wrong and the fix;
// the server then gets plain typed options and reads no variable itself. Plugins still see
// the whole environment as `context.env` (their own secrets: SMTP_URL, WEBHOOK_SECRET…);
// the built-in notifications' variables are checked here too, with the plugin's own rules.
// Details are in English, like the other operator messages; the headline is in French.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as z from 'zod';
import { DEMO_LISTINGS, type DemoListings, type ProjectPaths, resolvePaths } from '../../core/model/paths.ts';
import { DEFAULT_TILE_URL } from '../../core/tiles.ts';
import { normalizeSiteUrl, type SiteUrl } from '../../core/urls.ts';
import { isEmailAddress, isHttpUrl, isSmtpUrl, MIN_SECRET_LENGTH } from '../../plugins/builtin/notifications/options.ts';
import { LOG_LEVELS, type LogLevel } from '../logger.ts';

/** Express's `trust proxy`: off, on, a number of hops, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** What the server and the CLIs use of the environment, checked. */
export interface ServerConfig {
  port: number;
  host: string;
  siteUrl: SiteUrl;
  paths: ProjectPaths;
  trustProxy: TrustProxy;
  /** An external Meilisearch (MEILI_HOST + MEILI_MASTER_KEY); absent: the bundled one. */
  meili?: { host: string; apiKey: string };
  /** Prefix of the index names (MEILI_INDEX_PREFIX), '' by default. */
  indexPrefix: string;
  /** The bundled Meilisearch's indexing memory in bytes (MEILI_MAX_INDEXING_MEMORY); absent: sized to the data. */
  maxIndexingMemory?: number;
  logLevel: LogLevel;
  /** Map tile URL template (PASSERELLE_TILE_URL). */
  tileUrl: string;
  /** Crash tests only (PASSERELLE_FAILPOINTS): where the process kills itself. */
  failpoints?: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/** Every variable read at boot, in the README's order (also the order of the messages). */
export const ENV_VARIABLES = [
  'PORT',
  'HOST',
  'PASSERELLE_SITE_URL',
  'PASSERELLE_CONTENT_DIR',
  'PASSERELLE_BUILD_DIR',
  'PASSERELLE_DATA_DIR',
  'TRUST_PROXY',
  'MEILI_HOST',
  'MEILI_MASTER_KEY',
  'MEILI_INDEX_PREFIX',
  'MEILI_MAX_INDEXING_MEMORY',
  'LOG_LEVEL',
  'PASSERELLE_CONFIG',
  'SMTP_URL',
  'MODERATOR_EMAILS',
  'WEBHOOK_URL',
  'WEBHOOK_SECRET',
  'PASSERELLE_TILE_URL',
  'PASSERELLE_DEMO_LISTINGS',
  'PASSERELLE_FAILPOINTS',
] as const;
export type EnvVariable = (typeof ENV_VARIABLES)[number];
export type Env = Readonly<Partial<Record<string, string>>>;

/** All the problems of one environment, each `VARIABLE: what is wrong. The fix.` */
export class EnvError extends Error {
  override name = 'EnvError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** A value that cannot be used: the message says what is wrong and how to fix it. */
class Problem extends Error {}

/**
 * One variable: blank means unset; otherwise `read` turns the text into the value or throws
 * a Problem (its message becomes the issue, prefixed with the variable by `parseEnv`).
 */
function variable<T>(read: (value: string) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const value = raw?.trim();
      if (!value) return undefined;
      try {
        return read(value);
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        ctx.addIssue({ code: 'custom', message: err.message, input: raw });
        return z.NEVER;
      }
    });
}

const text = (value: string) => value;

/** Tests only: `job` or `after:<step>`, comma-separated (api/publish/failpoints.ts). */
function readFailpoints(value: string): string {
  for (const point of value.split(',').map((p) => p.trim())) {
    if (point !== 'job' && !/^after:(write-file|record|render|commit|search|hook:[a-z][a-z0-9-]*)$/.test(point)) {
      throw new Problem(
        `« ${point} » is not a failpoint. Use job or after:<step> (write-file, record, render, commit, search, hook:<plugin>); this variable is for crash tests only.`,
      );
    }
  }
  return value;
}

function readPort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new Problem(`« ${value} » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.`);
  return port;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function readHost(value: string): string {
  if (net.isIP(value) || HOST_NAME.test(value)) return value;
  throw new Problem(
    `« ${value} » is not an address to listen on. Give an IP address or a host name: HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every network interface).`,
  );
}

function readSiteUrl(value: string): SiteUrl {
  try {
    return normalizeSiteUrl(value);
  } catch (err) {
    throw new Problem((err as Error).message.replace(/^PASSERELLE_SITE_URL: /, ''));
  }
}

/** A folder that must already exist (the content). */
function existingFolder(fallback: string) {
  return (value: string): string => {
    const full = path.resolve(value);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new Problem(`${full} does not exist. Give the folder that holds initiatives/ and territory/, or unset the variable to use ${fallback}.`);
    if (!stat.isDirectory()) throw new Problem(`${full} is a file, not a folder. Give a folder, or unset the variable to use ${fallback}.`);
    return full;
  };
}

/** A folder made when missing (build, data): only a file in its place is wrong. */
function folder(fallback: string) {
  return (value: string): string => {
    const full = path.resolve(value);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory())
      throw new Problem(`${full} is a file, not a folder. Give a folder (it is made when missing), or unset the variable to use ${fallback}.`);
    return full;
  };
}

const CONFIG_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

function readConfigFile(value: string): string {
  const full = path.resolve(value);
  if (!CONFIG_EXTENSIONS.includes(path.extname(full))) {
    throw new Problem(
      `${full} is not a module. Give a ${CONFIG_EXTENSIONS.join(', ')} file that exports defineConfig({ plugins: [...] }), like passerelle.config.ts.`,
    );
  }
  if (!fs.statSync(full, { throwIfNoEntry: false })?.isFile()) {
    throw new Problem(
      `${full} does not exist. Give the path of a plugin config file like passerelle.config.ts, or unset the variable to use passerelle.config.ts.`,
    );
  }
  return full;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, mask, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (!family || rest.length) return false;
  if (mask === undefined) return true;
  return /^\d{1,3}$/.test(mask) ? Number(mask) <= (family === 4 ? 32 : 128) : net.isIP(mask) === family;
}

function readTrustProxy(value: string): TrustProxy {
  const problem = new Problem(
    `« ${value} » is not a trust proxy setting. Give the number of reverse proxies in front of the server (TRUST_PROXY=1), their addresses (TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.1,10.0.0.0/8), or false.`,
  );
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,3}$/.test(value)) return Number(value);
  let entries: unknown = value.split(',');
  if (/^["[]/.test(value)) {
    try {
      const parsed: unknown = JSON.parse(value);
      entries = typeof parsed === 'string' ? parsed.split(',') : parsed;
    } catch {
      throw problem;
    }
  }
  if (!Array.isArray(entries) || !entries.length) throw problem;
  const list = entries.map((e) => (typeof e === 'string' ? e.trim() : ''));
  if (!list.every(isProxyAddress)) throw problem;
  return list;
}

function readMeiliHost(value: string): string {
  if (!isHttpUrl(value))
    throw new Problem('is not an http:// or https:// address. Give the address of your Meilisearch 1.x, for example MEILI_HOST=http://127.0.0.1:7700.');
  return value.replace(/\/+$/, '');
}

function readIndexPrefix(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(value)) {
    throw new Problem(`« ${value} » may hold only letters, digits, - and _ (it starts Meilisearch index names), for example MEILI_INDEX_PREFIX=charleroi_.`);
  }
  return value;
}

function readDemoListings(value: string): DemoListings {
  const choice = DEMO_LISTINGS.find((d) => d === value);
  if (!choice) throw new Problem(`« ${value} » is not a choice. Give hide (production: demonstration listings left out) or show (the default).`);
  return choice;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };
const MIN_INDEXING_MEMORY = 32 * 1024 ** 2;

function readMemorySize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = SIZE_UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) {
    throw new Problem(`« ${value} » is not a size. Give a number with a unit, for example MEILI_MAX_INDEXING_MEMORY=256MiB (B, KiB, MiB, GiB, or KB, MB, GB).`);
  }
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes < MIN_INDEXING_MEMORY)
    throw new Problem(`« ${value} » is too little for Meilisearch to index. Give at least 32MiB, for example MEILI_MAX_INDEXING_MEMORY=128MiB.`);
  return bytes;
}

function readLogLevel(value: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new Problem(`« ${value} » is not a log level. Give one of ${LOG_LEVELS.join(', ')}.`);
  return level;
}

// No message repeats SMTP_URL, WEBHOOK_URL or a secret: they may carry credentials.
function readSmtpUrl(value: string): string {
  if (!isSmtpUrl(value))
    throw new Problem('is not an smtp:// or smtps:// address. Give your mail server, for example SMTP_URL=smtp://user:password@smtp.example.be:587.');
  return value;
}

function readModeratorEmails(value: string): string[] {
  const list = value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const wrong = list.findIndex((a) => !isEmailAddress(a));
  if (wrong >= 0) {
    throw new Problem(
      `address no. ${wrong + 1} (« ${list[wrong]} ») is not an e-mail address. Separate the addresses with commas, for example MODERATOR_EMAILS=moderation@example.be,marie@example.be.`,
    );
  }
  return list;
}

function readWebhookUrl(value: string): string {
  if (!isHttpUrl(value))
    throw new Problem("is not an http:// or https:// address. Give the partner's address, for example WEBHOOK_URL=https://partner.example.be/passerelle.");
  return value;
}

function readWebhookSecret(value: string): string {
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Problem(`is too short (${value.length} characters): give at least ${MIN_SECRET_LENGTH}, for example the output of « openssl rand -hex 32 ».`);
  }
  return value;
}

function readTileUrl(value: string): string {
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => value.includes(p));
  if (!placeholders || !isHttpUrl(value.replace(/\{s\}/g, 'a'))) {
    throw new Problem(
      `« ${value} » is not a tile address. Give an https:// template with {z}, {x} and {y}, for example PASSERELLE_TILE_URL=${DEFAULT_TILE_URL}.`,
    );
  }
  return value;
}

/** The schema: each variable on its own, then the pairs, then the options the code gets. */
export const envSchema = z
  .object({
    PORT: variable(readPort),
    HOST: variable(readHost),
    PASSERELLE_SITE_URL: variable(readSiteUrl),
    PASSERELLE_CONTENT_DIR: variable(existingFolder('content/')),
    PASSERELLE_BUILD_DIR: variable(folder('build/')),
    PASSERELLE_DATA_DIR: variable(folder('.data/')),
    TRUST_PROXY: variable(readTrustProxy),
    MEILI_HOST: variable(readMeiliHost),
    MEILI_MASTER_KEY: variable(text),
    MEILI_INDEX_PREFIX: variable(readIndexPrefix),
    MEILI_MAX_INDEXING_MEMORY: variable(readMemorySize),
    LOG_LEVEL: variable(readLogLevel),
    PASSERELLE_CONFIG: variable(readConfigFile),
    SMTP_URL: variable(readSmtpUrl),
    MODERATOR_EMAILS: variable(readModeratorEmails),
    WEBHOOK_URL: variable(readWebhookUrl),
    WEBHOOK_SECRET: variable(readWebhookSecret),
    PASSERELLE_TILE_URL: variable(readTileUrl),
    PASSERELLE_DEMO_LISTINGS: variable(readDemoListings),
    PASSERELLE_FAILPOINTS: variable(readFailpoints),
  })
  // The pairs are checked even when a variable is wrong, so every problem shows at once
  // (a wrong variable counts as set).
  .superRefine(
    (v, ctx) => {
      const missing = (variable: EnvVariable, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
      if (v.MEILI_HOST && !v.MEILI_MASTER_KEY) {
        missing(
          'MEILI_MASTER_KEY',
          'is missing while MEILI_HOST is set. Set both to use an external Meilisearch (the key of that server), or neither to use the bundled one.',
        );
      }
      if (v.MEILI_MASTER_KEY && !v.MEILI_HOST) {
        missing(
          'MEILI_HOST',
          'is missing while MEILI_MASTER_KEY is set. Set both to use an external Meilisearch, or unset MEILI_MASTER_KEY: the bundled Meilisearch keeps its own key in .data/meili-master-key.',
        );
      }
      if (v.WEBHOOK_URL && !v.WEBHOOK_SECRET) {
        missing(
          'WEBHOOK_SECRET',
          'is missing while WEBHOOK_URL is set: every call is signed with it. Generate one, for example with « openssl rand -hex 32 ».',
        );
      }
    },
    { when: () => true },
  )
  .transform(
    (v): ServerConfig => ({
      port: v.PORT ?? DEFAULT_PORT,
      host: v.HOST ?? DEFAULT_HOST,
      siteUrl: v.PASSERELLE_SITE_URL ?? normalizeSiteUrl(undefined),
      paths: resolvePaths({
        PASSERELLE_CONTENT_DIR: v.PASSERELLE_CONTENT_DIR,
        PASSERELLE_BUILD_DIR: v.PASSERELLE_BUILD_DIR,
        PASSERELLE_DATA_DIR: v.PASSERELLE_DATA_DIR,
        PASSERELLE_CONFIG: v.PASSERELLE_CONFIG,
        PASSERELLE_DEMO_LISTINGS: v.PASSERELLE_DEMO_LISTINGS,
      }),
      trustProxy: v.TRUST_PROXY ?? false,
      ...(v.MEILI_HOST && v.MEILI_MASTER_KEY ? { meili: { host: v.MEILI_HOST, apiKey: v.MEILI_MASTER_KEY } } : {}),
      indexPrefix: v.MEILI_INDEX_PREFIX ?? '',
      ...(v.MEILI_MAX_INDEXING_MEMORY ? { maxIndexingMemory: v.MEILI_MAX_INDEXING_MEMORY } : {}),
      logLevel: v.LOG_LEVEL ?? 'info',
      tileUrl: v.PASSERELLE_TILE_URL ?? DEFAULT_TILE_URL,
      ...(v.PASSERELLE_FAILPOINTS ? { failpoints: v.PASSERELLE_FAILPOINTS } : {}),
    }),
  );

/** Checks `env`; throws an EnvError listing every problem (in the README's order of the variables). */
export function parseEnv(env: Env = process.env): ServerConfig {
  const picked = Object.fromEntries(ENV_VARIABLES.map((name) => [name, env[name]]));
  const result = envSchema.safeParse(picked);
  if (result.success) return result.data;
  const order = (issue: z.core.$ZodIssue) => ENV_VARIABLES.indexOf(String(issue.path[0]) as EnvVariable);
  const problems = [...result.error.issues].sort((a, b) => order(a) - order(b)).map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  throw new EnvError(problems);
}

/** The message for people: a French headline, then one line per problem. */
export function formatEnvError(error: EnvError): string {
  const count = error.problems.length;
  const headline = `Passerelle ne démarre pas : ${count === 1 ? "une variable d'environnement est à corriger" : `${count} variables d'environnement sont à corriger`}.`;
  return `\n  ${headline}\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`;
}

/** For the entry points: the checked config, or the problems on stderr and exit code 1. */
export function configOrExit(env: Env = process.env): ServerConfig {
  try {
    return parseEnv(env);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(formatEnvError(err));
    process.exit(1);
  }
}
