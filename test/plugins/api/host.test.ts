// The plugin host: options checked up front with messages naming the plugin and the option,
// validation merged across plugins, side effects in config order with retries that never
// reach the caller, search documents and site data merged as documented.
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createPluginHost, definePlugin, type PasserelleConfig, PluginConfigError, PluginHookError, type PluginInstance } from '../../../plugins/api/index.ts';
import type { ApprovedEvent, Exporter } from '../../../plugins/api/types.ts';
import { fixtureModel } from '../../helpers/content.ts';
import { memoryLogger } from '../../helpers/logger.ts';

const model = fixtureModel();

function host(config: PasserelleConfig, logger = memoryLogger()) {
  return createPluginHost({ paths: model.paths, model, logger, runtime: 'server', config });
}

const named = (name: string, hooks: Omit<PluginInstance, 'name'> = {}) => definePlugin({ name }, () => ({ name, ...hooks }));

const withOptions = definePlugin(
  { name: 'avec-options', options: z.object({ url: z.string().url('une adresse web est attendue.'), retries: z.number().int().min(0).default(2) }).strict() },
  (options) => ({ name: 'avec-options', sideEffects: { retries: options.retries } }),
);

describe('options', () => {
  it.each([
    ['missing options', [withOptions], 'plugin « avec-options », option « (les options) » : Entrée invalide : objet attendu, indéfini reçu'],
    ['a bad option', [[withOptions, { url: 'pas une adresse' }]], 'plugin « avec-options », option « url » : une adresse web est attendue.'],
    ['an unknown option', [[withOptions, { url: 'https://x.be', retry: 1 }]], 'plugin « avec-options », option « (les options) » : Clé non reconnue : "retry"'],
    ['options given to a plugin without any', [[named('sans-options'), { a: 1 }]], "plugin « sans-options » : il n'accepte pas d'options ; retirez-les."],
    ['a plugin listed twice', [named('deux-fois'), named('deux-fois')], 'plugin « deux-fois » : il est listé deux fois ; gardez-en un seul.'],
    ['something that is not a plugin', [() => ({ name: 'x' })], 'plugins[0] : un plugin créé avec definePlugin() est attendu (ou [plugin, options]).'],
  ] as const)('reports %s, naming the plugin and the option', async (_case, plugins, message) => {
    const error = await host({ plugins: plugins as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginConfigError);
    expect((error as PluginConfigError).problems).toEqual([message]);
    expect((error as Error).message).toContain('passerelle.config.ts');
  });

  it('reports every problem at once', async () => {
    const error = (await host({
      plugins: [
        [withOptions, { url: 'x', retries: -1 }],
        [named('bb'), 1],
      ] as never,
    }).catch((e: unknown) => e)) as PluginConfigError;
    expect(error.problems).toHaveLength(3);
  });

  it('ignores falsy entries, so `condition && plugin` works', async () => {
    const h = await host({ plugins: [false, null, undefined, named('seul')] });
    expect(h.names).toEqual(['seul']);
  });

  it('refuses a factory that returns another name', async () => {
    const liar = definePlugin({ name: 'menteur' }, () => ({ name: 'autre' }));
    await expect(host({ plugins: [liar] })).rejects.toThrow("plugin « menteur » : la fonction doit renvoyer { name: 'menteur', ...hooks }.");
  });

  it('refuses two exporters with the same format', async () => {
    const exporter: Exporter = { format: 'csv', label: 'CSV', description: 'd', fileName: 'a.csv', contentType: 'text/csv', export: () => '' };
    const a = named('aa', { exporters: () => [exporter] });
    const b = named('bb', { exporters: () => [exporter] });
    await expect(host({ plugins: [a, b] })).rejects.toThrow("plugin « bb » : le format d'export « csv » existe déjà");
  });
});

describe('validateSubmission', () => {
  const draft = { type: 'create' as const, initiative: { name: 'X' }, origin: 'api' as const };

  it('merges field errors in config order, the first message per field winning', async () => {
    const a = named('aa', { validateSubmission: () => ({ 'initiative.name': 'de a', 'initiative.extra.x': 'x de a' }) });
    const b = named('bb', { validateSubmission: async () => ({ 'initiative.name': 'de b', 'initiative.summary': 'résumé de b' }) });
    const c = named('cc', { validateSubmission: () => undefined });
    const h = await host({ plugins: [a, b, c] });
    expect(await h.validateSubmission(draft)).toEqual({ 'initiative.name': 'de a', 'initiative.extra.x': 'x de a', 'initiative.summary': 'résumé de b' });
  });

  it('turns a throwing hook into a PluginHookError and logs the plugin', async () => {
    const logger = memoryLogger();
    const h = await host(
      {
        plugins: [
          named('casse', {
            validateSubmission: () => {
              throw new Error('secret interne');
            },
          }),
        ],
      },
      logger,
    );
    const error = await h.validateSubmission(draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginHookError);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', plugin: 'casse', hook: 'validateSubmission' }));
  });
});

describe('side effects', () => {
  let cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup) c();
    cleanup = [];
  });
  const event = {
    submission: { id: 'sub_1', type: 'create', submitter: { name: 'N', email: 'n@x.be' }, createdAt: '' },
    initiative: {},
    moderator: 'm@x.be',
  } as unknown as ApprovedEvent;

  it('runs in config order, retries a failing hook with backoff, then drops it; the caller never sees the error', async () => {
    const logger = memoryLogger();
    const calls: string[] = [];
    let attempts = 0;
    const failing = named('instable', {
      sideEffects: { retries: 2, backoffMs: 10 },
      onApproved: (_e, { attempt }) => {
        calls.push(`instable#${attempt}`);
        attempts++;
        throw new Error('SMTP indisponible');
      },
    });
    const after = named('ensuite', { onApproved: () => void calls.push('ensuite') });
    const h = await host({ plugins: [failing, after] }, logger);
    cleanup.push(() => h.close());
    await expect(h.emit('onApproved', event)).resolves.toBeUndefined();
    expect(calls).toEqual(['instable#1', 'ensuite']);
    await h.idle();
    expect(attempts).toBe(3);
    const lines = logger.lines.filter((l) => l.plugin === 'instable');
    expect(lines.map((l) => [l.level, l.attempt])).toEqual([
      ['warn', 1],
      ['warn', 2],
      ['error', 3],
    ]);
    expect(lines.at(-1)?.msg).toMatch(/dropped/);
    expect(lines[0]?.retryInMs).toBe(10);
    expect(lines[1]?.retryInMs).toBe(40);
  });

  it('succeeds on a retry and says so', async () => {
    const logger = memoryLogger();
    let n = 0;
    const h = await host(
      {
        plugins: [
          named('deuxieme-fois', {
            sideEffects: { backoffMs: 5 },
            onApproved: () => {
              if (++n === 1) throw new Error('raté');
            },
          }),
        ],
      },
      logger,
    );
    cleanup.push(() => h.close());
    await h.emit('onApproved', event);
    await h.idle();
    expect(n).toBe(2);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', plugin: 'deuxieme-fois', attempt: 2 });
  });

  it('stops waiting for a hook at its time limit and aborts its signal', async () => {
    // The hook never ends on its own: emit can only return because the host gave up on it.
    let reason: unknown;
    const slow = named('lent', {
      sideEffects: { timeoutMs: 50, retries: 0 },
      onApproved: (_e, { signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            resolve();
          });
        }),
    });
    const logger = memoryLogger();
    const h = await host({ plugins: [slow] }, logger);
    cleanup.push(() => h.close());
    await h.emit('onApproved', event);
    // The limit that fired is the plugin's own (50 ms), not the host's default.
    expect(reason).toMatchObject({ name: 'TimeoutError', message: 'no answer within 50 ms' });
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toEqual([expect.objectContaining({ plugin: 'lent', hook: 'onApproved', attempt: 1 })]);
    expect(errors[0]?.err).toMatchObject({ name: 'TimeoutError', message: 'no answer within 50 ms' });
  });
});

describe('search documents and site data', () => {
  const initiative = { id: 'lieu', extra: { n: 'AB-1' } } as never;

  it('chains toSearchDocument and refuses a changed id', async () => {
    const a = named('aa', { toSearchDocument: (d) => ({ ...d, keywords: [...d.keywords, 'a'] }) });
    const b = named('bb', { toSearchDocument: () => undefined });
    const c = named('cc', { toSearchDocument: (d) => ({ ...d, keywords: [...d.keywords, 'c'], extraField: 1 }) });
    const h = await host({ plugins: [a, b, c] });
    expect(h.toSearchDocument({ id: 'lieu', keywords: [] }, initiative)).toEqual({ id: 'lieu', keywords: ['a', 'c'], extraField: 1 });
    const bad = await host({ plugins: [named('dd', { toSearchDocument: (d) => ({ ...d, id: 'autre' }) })] });
    expect(() => bad.toSearchDocument({ id: 'lieu', keywords: [] }, initiative)).toThrow('plugin « dd », hook toSearchDocument (lieu)');
  });

  it('merges site data: first banner, badges and fields in config order', async () => {
    const a = named('aa', { siteData: (s) => (s.initiative ? { badges: [{ label: 'A' }] } : { banner: { text: 'Bannière A' } }) });
    const b = named('bb', {
      siteData: (s) => (s.initiative ? { badges: [{ label: 'B' }], fields: [{ label: 'n', value: 'AB-1' }] } : { banner: { text: 'Bannière B' } }),
    });
    const h = await host({ plugins: [a, b] });
    expect(h.siteData({})).toEqual({ banner: { text: 'Bannière A' } });
    expect(h.siteData({ initiative })).toEqual({ badges: [{ label: 'A' }, { label: 'B' }], fields: [{ label: 'n', value: 'AB-1' }] });
  });
});
