// The plugin host: options checked up front with messages naming the plugin and the option,
// validation merged across plugins, one attempt of a decision hook (the publish pipeline
// retries), search documents and site data merged as documented.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createPluginHost,
  DEFAULT_SIDE_EFFECT_POLICY,
  definePlugin,
  type PasserelleConfig,
  PluginConfigError,
  PluginHookError,
  type PluginInstance,
} from '../../../plugins/api/index.ts';
import type { ApprovedEvent, AttemptInfo, Exporter } from '../../../plugins/api/types.ts';
import { fixtureModel } from '../../helpers/content.ts';
import { memoryLogger } from '../../helpers/logger.ts';

const model = fixtureModel();

function host(config: PasserelleConfig, logger = memoryLogger()) {
  return createPluginHost({ paths: model.paths, model, logger, runtime: 'server', config });
}

const named = (name: string, hooks: Omit<PluginInstance, 'name'> = {}) => definePlugin({ name }, () => ({ name, ...hooks }));

const withOptions = definePlugin(
  {
    name: 'avec-options',
    options: z.object({ url: z.string().url('une adresse web est attendue.'), timeoutMs: z.number().int().min(1).default(2000) }).strict(),
  },
  (options) => ({ name: 'avec-options', sideEffects: { timeoutMs: options.timeoutMs } }),
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
        [withOptions, { url: 'x', timeoutMs: -1 }],
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

describe("decision hooks (one attempt; retries are the publish pipeline's, see test/api/publish/worker.test.ts)", () => {
  const event = {
    submission: { id: 'sub_1', type: 'create', submitter: { name: 'N', email: 'n@x.be' }, createdAt: '' },
    initiative: {},
    moderator: 'm@x.be',
  } as unknown as ApprovedEvent;
  const attempt = (overrides: Partial<AttemptInfo> = {}): AttemptInfo => ({
    attempt: 1,
    signal: new AbortController().signal,
    deliveryId: 'job_1.x',
    done: new Set(),
    markDone: () => undefined,
    ...overrides,
  });

  it('lists the plugins of a hook in config order, with their time limits', async () => {
    const h = await host({
      plugins: [
        named('premier', { onApproved: () => undefined, sideEffects: { timeoutMs: 50 } }),
        named('sans-hook'),
        named('second', { onApproved: () => undefined, onRejected: () => undefined }),
      ],
    });
    expect(h.withHook('onApproved')).toEqual(['premier', 'second']);
    expect(h.withHook('onRejected')).toEqual(['second']);
    expect(h.timeoutOf('premier')).toBe(50);
    expect(h.timeoutOf('second')).toBe(DEFAULT_SIDE_EFFECT_POLICY.timeoutMs);
  });

  it('runs one attempt with the event and its attempt info, bound to the plugin', async () => {
    const seen: unknown[] = [];
    const plugin = definePlugin({ name: 'lit' }, () => ({
      name: 'lit',
      label: 'moi',
      onApproved(this: { label: string }, e, a) {
        seen.push(this.label, e.moderator, a.deliveryId, [...a.done]);
      },
    }));
    const h = await host({ plugins: [plugin] });
    await h.runHook('lit', 'onApproved', event, attempt({ done: new Set(['email']) }));
    expect(seen).toEqual(['moi', 'm@x.be', 'job_1.x', ['email']]);
  });

  it('throws a failure as PluginHookError naming the plugin and the hook', async () => {
    const h = await host({ plugins: [named('casse', { onApproved: () => Promise.reject(new Error('SMTP indisponible')) })] });
    const error = await h.runHook('casse', 'onApproved', event, attempt()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginHookError);
    expect((error as Error).message).toBe('plugin « casse », hook onApproved : SMTP indisponible');
  });

  it('does nothing for a plugin without the hook', async () => {
    const h = await host({ plugins: [named('muet')] });
    await expect(h.runHook('muet', 'onApproved', event, attempt())).resolves.toBeUndefined();
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
