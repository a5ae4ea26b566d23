// The environment check (api/config/env.ts): a table of good environments and the options
// they give, a table of bad ones with every message pinned (variable, what is wrong, the
// fix), and one real start (`node scripts/launch.mjs start`, compiled) with a bad PORT that
// must stop with exit code 1 and the message on stderr, before anything starts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Env, EnvError, formatEnvError, parseEnv } from '../../../api/config/env.ts';
import { ROOT_DIR, resolvePaths } from '../../../core/model/paths.ts';
import { DEFAULT_TILE_URL } from '../../../core/tiles.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-env-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const aFile = path.join(scratch, 'a-file.txt');
fs.writeFileSync(aFile, 'not a folder\n');
const FIXTURE_CONFIG = path.join(ROOT_DIR, 'test/fixtures/plugins/passerelle.config.ts');

/** The problems of `env`, with the temporary folder written <tmp> so the messages can be pinned. */
function problems(env: Env): string[] {
  try {
    parseEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).problems.map((p) => p.replaceAll(scratch, '<tmp>').replaceAll(ROOT_DIR, '<root>'));
  }
  throw new Error(`expected problems for ${JSON.stringify(env)}`);
}

describe('good environments', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(parseEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      siteUrl: 'http://localhost:3000',
      paths: resolvePaths({}),
      trustProxy: false,
      indexPrefix: '',
      logLevel: 'info',
      tileUrl: DEFAULT_TILE_URL,
    });
  });

  it('reads every variable the README lists', () => {
    const config = parseEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      PASSERELLE_SITE_URL: 'https://passerelle.charleroi.be/',
      PASSERELLE_CONTENT_DIR: path.join(ROOT_DIR, 'test/fixtures/content'),
      PASSERELLE_BUILD_DIR: path.join(scratch, 'build'),
      PASSERELLE_DATA_DIR: path.join(scratch, 'data'),
      TRUST_PROXY: '1',
      MEILI_HOST: 'http://meili.internal:7700/',
      MEILI_MASTER_KEY: 'a-master-key',
      MEILI_INDEX_PREFIX: 'charleroi_',
      MEILI_MAX_INDEXING_MEMORY: '256MiB',
      LOG_LEVEL: 'warn',
      PASSERELLE_CONFIG: FIXTURE_CONFIG,
      SMTP_URL: 'smtp://user:secret@smtp.example.be:587',
      MODERATOR_EMAILS: 'moderation@example.be, marie@example.be',
      WEBHOOK_URL: 'https://partner.example.be/passerelle',
      WEBHOOK_SECRET: '0123456789abcdef0123',
      PASSERELLE_TILE_URL: 'https://{s}.tiles.charleroi.be/{z}/{x}/{y}.png',
      PASSERELLE_DEMO_LISTINGS: 'hide',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      siteUrl: 'https://passerelle.charleroi.be',
      paths: {
        root: ROOT_DIR,
        content: path.join(ROOT_DIR, 'test/fixtures/content'),
        initiatives: path.join(ROOT_DIR, 'test/fixtures/content/initiatives'),
        territory: path.join(ROOT_DIR, 'test/fixtures/content/territory'),
        build: path.join(scratch, 'build'),
        data: path.join(scratch, 'data'),
        config: FIXTURE_CONFIG,
        demoListings: 'hide',
      },
      trustProxy: 1,
      meili: { host: 'http://meili.internal:7700', apiKey: 'a-master-key' },
      indexPrefix: 'charleroi_',
      maxIndexingMemory: 256 * 1024 * 1024,
      logLevel: 'warn',
      tileUrl: 'https://{s}.tiles.charleroi.be/{z}/{x}/{y}.png',
    });
  });

  it.each([
    ['PORT 0 (a free port, as the tests use)', { PORT: '0' }, { port: 0 }],
    ['a blank variable as unset', { PORT: '  ', HOST: '', LOG_LEVEL: '' }, { port: 3000, host: '127.0.0.1', logLevel: 'info' }],
    ['a host name', { HOST: 'localhost' }, { host: 'localhost' }],
    ['an IPv6 host', { HOST: '::1' }, { host: '::1' }],
    ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }, { trustProxy: true }],
    ['TRUST_PROXY=false', { TRUST_PROXY: 'false' }, { trustProxy: false }],
    ['TRUST_PROXY as addresses', { TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }, { trustProxy: ['loopback', '10.0.0.0/8', 'fd00::/8'] }],
    [
      'TRUST_PROXY as JSON (the old form)',
      { TRUST_PROXY: '["loopback","192.168.1.1/255.255.255.0"]' },
      { trustProxy: ['loopback', '192.168.1.1/255.255.255.0'] },
    ],
    ['TRUST_PROXY as a JSON string', { TRUST_PROXY: '"uniquelocal"' }, { trustProxy: ['uniquelocal'] }],
    [
      'a relative data folder, made absolute',
      { PASSERELLE_DATA_DIR: 'relative-data' },
      { paths: expect.objectContaining({ data: path.resolve('relative-data') }) },
    ],
    ['WEBHOOK_SECRET alone (the URL may be in passerelle.config.ts)', { WEBHOOK_SECRET: '0123456789abcdef' }, {}],
  ] as const)('accepts %s', (_case, env, expected) => {
    expect(parseEnv(env)).toMatchObject(expected);
  });
});

describe('bad environments: one message per problem, naming the variable, what is wrong and the fix', () => {
  it.each([
    ['a port that is not a number', { PORT: 'abc' }, ['PORT: « abc » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.']],
    ['a port too high', { PORT: '70000' }, ['PORT: « 70000 » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.']],
    ['a negative port', { PORT: '-1' }, ['PORT: « -1 » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.']],
    ['a port with decimals', { PORT: '3000.5' }, ['PORT: « 3000.5 » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.']],
    [
      'a host with a space',
      { HOST: 'my host' },
      [
        'HOST: « my host » is not an address to listen on. Give an IP address or a host name: HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every network interface).',
      ],
    ],
    ['an ftp site URL', { PASSERELLE_SITE_URL: 'ftp://x' }, ['PASSERELLE_SITE_URL: « ftp://x » must start with https:// (or http://).']],
    [
      'a site URL that is not a URL',
      { PASSERELLE_SITE_URL: 'passerelle.charleroi.be' },
      ['PASSERELLE_SITE_URL: « passerelle.charleroi.be » is not a URL. Give the public address of the site, for example https://passerelle.charleroi.be'],
    ],
    [
      'a site URL with a path',
      { PASSERELLE_SITE_URL: 'https://charleroi.be/passerelle' },
      ['PASSERELLE_SITE_URL: « https://charleroi.be/passerelle » has a path; the site is served at the root of its host: give https://host only.'],
    ],
    [
      'a content folder that does not exist',
      { PASSERELLE_CONTENT_DIR: '/nonexistent/passerelle-content' },
      [
        'PASSERELLE_CONTENT_DIR: /nonexistent/passerelle-content does not exist. Give the folder that holds initiatives/ and territory/, or unset the variable to use content/.',
      ],
    ],
    [
      'a content folder that is a file',
      { PASSERELLE_CONTENT_DIR: aFile },
      ['PASSERELLE_CONTENT_DIR: <tmp>/a-file.txt is a file, not a folder. Give a folder, or unset the variable to use content/.'],
    ],
    [
      'a build folder that is a file',
      { PASSERELLE_BUILD_DIR: aFile },
      ['PASSERELLE_BUILD_DIR: <tmp>/a-file.txt is a file, not a folder. Give a folder (it is made when missing), or unset the variable to use build/.'],
    ],
    [
      'a data folder that is a file',
      { PASSERELLE_DATA_DIR: aFile },
      ['PASSERELLE_DATA_DIR: <tmp>/a-file.txt is a file, not a folder. Give a folder (it is made when missing), or unset the variable to use .data/.'],
    ],
    [
      'TRUST_PROXY=yes',
      { TRUST_PROXY: 'yes' },
      [
        'TRUST_PROXY: « yes » is not a trust proxy setting. Give the number of reverse proxies in front of the server (TRUST_PROXY=1), their addresses (TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.1,10.0.0.0/8), or false.',
      ],
    ],
    [
      'TRUST_PROXY with a wrong address',
      { TRUST_PROXY: 'loopback,300.1.1.1' },
      [
        'TRUST_PROXY: « loopback,300.1.1.1 » is not a trust proxy setting. Give the number of reverse proxies in front of the server (TRUST_PROXY=1), their addresses (TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.1,10.0.0.0/8), or false.',
      ],
    ],
    [
      'TRUST_PROXY as broken JSON',
      { TRUST_PROXY: '["loopback"' },
      [
        'TRUST_PROXY: « ["loopback" » is not a trust proxy setting. Give the number of reverse proxies in front of the server (TRUST_PROXY=1), their addresses (TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.1,10.0.0.0/8), or false.',
      ],
    ],
    [
      'MEILI_HOST without its key',
      { MEILI_HOST: 'http://127.0.0.1:7700' },
      [
        'MEILI_MASTER_KEY: is missing while MEILI_HOST is set. Set both to use an external Meilisearch (the key of that server), or neither to use the bundled one.',
      ],
    ],
    [
      'a Meilisearch key without MEILI_HOST',
      { MEILI_MASTER_KEY: 'a-key' },
      [
        'MEILI_HOST: is missing while MEILI_MASTER_KEY is set. Set both to use an external Meilisearch, or unset MEILI_MASTER_KEY: the bundled Meilisearch keeps its own key in .data/meili-master-key.',
      ],
    ],
    [
      'MEILI_HOST without http://',
      { MEILI_HOST: '127.0.0.1:7700', MEILI_MASTER_KEY: 'a-key' },
      ['MEILI_HOST: is not an http:// or https:// address. Give the address of your Meilisearch 1.x, for example MEILI_HOST=http://127.0.0.1:7700.'],
    ],
    [
      'an indexing memory without a number',
      { MEILI_MAX_INDEXING_MEMORY: 'beaucoup' },
      [
        'MEILI_MAX_INDEXING_MEMORY: « beaucoup » is not a size. Give a number with a unit, for example MEILI_MAX_INDEXING_MEMORY=256MiB (B, KiB, MiB, GiB, or KB, MB, GB).',
      ],
    ],
    [
      'an indexing memory too small',
      { MEILI_MAX_INDEXING_MEMORY: '8MiB' },
      ['MEILI_MAX_INDEXING_MEMORY: « 8MiB » is too little for Meilisearch to index. Give at least 32MiB, for example MEILI_MAX_INDEXING_MEMORY=128MiB.'],
    ],
    [
      'an index prefix with a space',
      { MEILI_INDEX_PREFIX: 'ville de' },
      [
        'MEILI_INDEX_PREFIX: « ville de » may hold only letters, digits, - and _ (it starts Meilisearch index names), for example MEILI_INDEX_PREFIX=charleroi_.',
      ],
    ],
    [
      'an unknown log level',
      { LOG_LEVEL: 'verbose' },
      ['LOG_LEVEL: « verbose » is not a log level. Give one of fatal, error, warn, info, debug, trace, silent.'],
    ],
    [
      'a config file that does not exist',
      { PASSERELLE_CONFIG: '/nonexistent/passerelle.config.ts' },
      [
        'PASSERELLE_CONFIG: /nonexistent/passerelle.config.ts does not exist. Give the path of a plugin config file like passerelle.config.ts, or unset the variable to use passerelle.config.ts.',
      ],
    ],
    [
      'a config file that is not a module',
      { PASSERELLE_CONFIG: aFile },
      [
        'PASSERELLE_CONFIG: <tmp>/a-file.txt is not a module. Give a .ts, .mts, .js, .mjs file that exports defineConfig({ plugins: [...] }), like passerelle.config.ts.',
      ],
    ],
    [
      'an SMTP_URL that is not smtp:// (and the value, which may hold a password, is not repeated)',
      { SMTP_URL: 'https://user:secret@mail.example.be' },
      ['SMTP_URL: is not an smtp:// or smtps:// address. Give your mail server, for example SMTP_URL=smtp://user:password@smtp.example.be:587.'],
    ],
    [
      'a wrong moderator address',
      { MODERATOR_EMAILS: 'moderation@example.be, marie' },
      [
        'MODERATOR_EMAILS: address no. 2 (« marie ») is not an e-mail address. Separate the addresses with commas, for example MODERATOR_EMAILS=moderation@example.be,marie@example.be.',
      ],
    ],
    [
      'a webhook without its secret',
      { WEBHOOK_URL: 'https://partner.example.be/hook' },
      ['WEBHOOK_SECRET: is missing while WEBHOOK_URL is set: every call is signed with it. Generate one, for example with « openssl rand -hex 32 ».'],
    ],
    [
      'a webhook URL that is not http(s)',
      { WEBHOOK_URL: 'partner.example.be/hook', WEBHOOK_SECRET: '0123456789abcdef' },
      ["WEBHOOK_URL: is not an http:// or https:// address. Give the partner's address, for example WEBHOOK_URL=https://partner.example.be/passerelle."],
    ],
    [
      'a short webhook secret',
      { WEBHOOK_URL: 'https://partner.example.be/hook', WEBHOOK_SECRET: 'short' },
      ['WEBHOOK_SECRET: is too short (5 characters): give at least 16, for example the output of « openssl rand -hex 32 ».'],
    ],
    [
      'a tile URL without {x}',
      { PASSERELLE_TILE_URL: 'https://tiles.example.be/{z}/{y}.png' },
      [
        'PASSERELLE_TILE_URL: « https://tiles.example.be/{z}/{y}.png » is not a tile address. Give an https:// template with {z}, {x} and {y}, for example PASSERELLE_TILE_URL=https://tile.openstreetmap.org/{z}/{x}/{y}.png.',
      ],
    ],
  ] as const)('refuses %s', (_case, env, expected) => {
    expect(problems(env)).toEqual(expected);
  });

  it('reports every problem at once, in the order of the README', () => {
    expect(
      problems({ TRUST_PROXY: 'yes', PASSERELLE_SITE_URL: 'ftp://x', PORT: 'abc', WEBHOOK_URL: 'https://partner.example.be/hook' }).map((p) => p.split(':')[0]),
    ).toEqual(['PORT', 'PASSERELLE_SITE_URL', 'TRUST_PROXY', 'WEBHOOK_SECRET']);
  });

  it('words the whole message for people: a French headline, then one line per problem', () => {
    const error = new EnvError(['PORT: « abc » is not a port number.', 'TRUST_PROXY: « yes » is not a trust proxy setting.']);
    expect(formatEnvError(error)).toBe(
      "\n  Passerelle ne démarre pas : 2 variables d'environnement sont à corriger.\n  - PORT: « abc » is not a port number.\n  - TRUST_PROXY: « yes » is not a trust proxy setting.\n",
    );
    expect(formatEnvError(new EnvError(['PORT: x']))).toContain("une variable d'environnement est à corriger.");
  });
});

describe('a real start with a bad PORT', () => {
  it('stops with exit code 1 and the message on stderr, before anything starts', async () => {
    const data = path.join(scratch, 'never-made');
    const child = spawn(process.execPath, [path.join(ROOT_DIR, 'scripts/launch.mjs'), 'start'], {
      cwd: ROOT_DIR,
      // A clean environment: only what the test sets (and PATH/HOME to run node).
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: 'abc', PASSERELLE_DATA_DIR: data },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toContain("Passerelle ne démarre pas : une variable d'environnement est à corriger.");
    expect(stderr).toContain('  - PORT: « abc » is not a port number. Give a whole number from 0 to 65535, for example PORT=3000.');
    expect(code).toBe(1);
    // Nothing ran: no site build, no Meilisearch, no data folder, no log line.
    expect(stdout).not.toMatch(/"level"|Meilisearch|building/);
    expect(fs.existsSync(data)).toBe(false);
  });
});
