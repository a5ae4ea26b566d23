// Runs the configured plugins' hooks for the server, the build and the CLIs: validation
// (merged field errors, a failing hook refuses the submission), one attempt of a decision
// hook (the publish pipeline, api/publish/, decides when and how often), search documents,
// exporters, sources and site data. Every log line and error names the plugin and the hook.
import type { ContentModel, Initiative, ProjectPaths } from '../../core/model/index.ts';
import { normalizeSiteUrl, type SiteUrl } from '../../core/urls.ts';
import { importConfig, instantiatePlugins, PluginConfigError } from './load.ts';
import type {
  ApprovedEvent,
  AttemptInfo,
  DecisionEvent,
  Exporter,
  FieldErrors,
  Licence,
  PasserelleConfig,
  PluginContext,
  PluginInstance,
  PluginLogger,
  ReachConfig,
  SearchDocument,
  SideEffectPolicy,
  SiteData,
  SiteScope,
  Source,
  SubmissionCorrectedEvent,
  SubmissionCreatedEvent,
  SubmissionDraft,
} from './types.ts';

export const DEFAULT_LICENCE: Licence = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
};
export const DEFAULT_SIDE_EFFECT_POLICY: SideEffectPolicy = { timeoutMs: 10_000 };
/** Time limit of a validation hook: a submitter is waiting. */
export const VALIDATION_TIMEOUT_MS = 5000;

export interface HostLogger extends PluginLogger {
  child(bindings: object): HostLogger;
}

export interface SideEffectEvents {
  onSubmissionCreated: SubmissionCreatedEvent;
  onSubmissionCorrected: SubmissionCorrectedEvent;
  onApproved: ApprovedEvent;
  onRejected: DecisionEvent;
  onChangesRequested: DecisionEvent;
}
export type SideEffectHook = keyof SideEffectEvents;

/** A hook failed in a way the caller must report (validation): carries the plugin and hook for logs only. */
export class PluginHookError extends Error {
  override name = 'PluginHookError';
  constructor(
    readonly plugin: string,
    readonly hook: string,
    override readonly cause: unknown,
  ) {
    super(`plugin « ${plugin} », hook ${hook} : ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function withTimeout<T>(run: (signal: AbortSignal) => T | Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort(new TimeoutError(`no answer within ${ms} ms`));
      reject(new TimeoutError(`no answer within ${ms} ms`));
    }, ms);
    Promise.resolve()
      .then(() => run(controller.signal))
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

export interface PluginHostOptions {
  paths: ProjectPaths;
  model: ContentModel;
  logger: HostLogger;
  runtime: PluginContext['runtime'];
  siteUrl?: SiteUrl;
  env?: Readonly<Record<string, string | undefined>>;
  /** Use this config instead of importing `paths.config` (tests). */
  config?: PasserelleConfig;
}

export class PluginHost {
  readonly licence: Licence;
  /** Who commits approved files (config `git.committer`). */
  readonly committer?: { name: string; email: string };
  /** /wifi and widget settings (config `reach`). */
  readonly reach: ReachConfig;
  private readonly exporterList: Exporter[] = [];
  private readonly sourceList: Source[] = [];

  constructor(
    readonly plugins: PluginInstance[],
    config: PasserelleConfig,
    private readonly logger: HostLogger,
    file = 'passerelle.config.ts',
    /** The public address plugins were given (no trailing slash): exports use it too. */
    readonly siteUrl: SiteUrl = normalizeSiteUrl(undefined),
  ) {
    this.licence = config.licence ?? DEFAULT_LICENCE;
    if (config.git?.committer) this.committer = config.git.committer;
    this.reach = config.reach ?? {};
    const problems: string[] = [];
    for (const p of plugins) {
      for (const e of p.exporters?.() ?? []) {
        if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(e.format))
          problems.push(`plugin « ${p.name} » : le format d'export « ${e.format} » doit être en minuscules, chiffres et tirets.`);
        else if (this.exporterList.some((x) => x.format === e.format))
          problems.push(`plugin « ${p.name} » : le format d'export « ${e.format} » existe déjà ; choisissez un autre nom.`);
        else this.exporterList.push(e);
      }
      for (const s of p.sources?.() ?? []) {
        if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(s.name))
          problems.push(`plugin « ${p.name} » : la source « ${s.name} » doit être nommée en minuscules, chiffres et tirets.`);
        else if (this.sourceList.some((x) => x.name === s.name))
          problems.push(`plugin « ${p.name} » : la source « ${s.name} » existe déjà ; choisissez un autre nom.`);
        else this.sourceList.push(s);
      }
    }
    if (problems.length) throw new PluginConfigError(file, problems);
  }

  get names(): string[] {
    return this.plugins.map((p) => p.name);
  }

  exporters(): Exporter[] {
    return [...this.exporterList];
  }

  exporter(format: string): Exporter | undefined {
    return this.exporterList.find((e) => e.format === format);
  }

  sources(): Source[] {
    return [...this.sourceList];
  }

  /** Field errors from every plugin, first message per field kept. Throws PluginHookError when a hook fails. */
  async validateSubmission(draft: SubmissionDraft): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    for (const p of this.plugins) {
      const validate = p.validateSubmission?.bind(p);
      if (!validate) continue;
      let result: FieldErrors | undefined | void;
      try {
        result = await withTimeout(() => validate(draft), VALIDATION_TIMEOUT_MS);
      } catch (err) {
        this.logger.error({ err, plugin: p.name, hook: 'validateSubmission' }, 'a validation hook failed: the submission is refused');
        throw new PluginHookError(p.name, 'validateSubmission', err);
      }
      if (result && typeof result === 'object')
        for (const [field, message] of Object.entries(result)) if (typeof message === 'string') errors[field] ??= message;
    }
    return errors;
  }

  /** Plugins that implement a decision hook, in config order. */
  withHook(hook: SideEffectHook): string[] {
    return this.plugins.filter((p) => typeof p[hook] === 'function').map((p) => p.name);
  }

  /** Time limit of one attempt of a plugin's decision hooks. */
  timeoutOf(plugin: string): number {
    return { ...DEFAULT_SIDE_EFFECT_POLICY, ...this.plugins.find((p) => p.name === plugin)?.sideEffects }.timeoutMs;
  }

  /** One attempt of one plugin's decision hook; a failure is thrown as PluginHookError. */
  async runHook<H extends SideEffectHook>(plugin: string, hook: H, event: SideEffectEvents[H], attempt: AttemptInfo): Promise<void> {
    const instance = this.plugins.find((p) => p.name === plugin);
    const fn = instance?.[hook] as ((e: SideEffectEvents[H], a: AttemptInfo) => unknown) | undefined;
    if (!instance || !fn) return;
    try {
      await fn.call(instance, event, attempt);
    } catch (err) {
      throw new PluginHookError(plugin, hook, err);
    }
  }

  toSearchDocument<D extends SearchDocument>(document: D, initiative: Initiative): D {
    let doc = document;
    for (const p of this.plugins) {
      if (!p.toSearchDocument) continue;
      let next: SearchDocument | undefined | void;
      try {
        next = p.toSearchDocument(doc, initiative);
      } catch (err) {
        throw new PluginHookError(p.name, `toSearchDocument (${initiative.id})`, err);
      }
      if (next && typeof next === 'object') {
        if (next.id !== doc.id) throw new PluginHookError(p.name, `toSearchDocument (${initiative.id})`, new Error('the document id must not change'));
        doc = next as D;
      }
    }
    return doc;
  }

  /** Merged site data: the first banner wins, badges and fields add up in config order. */
  siteData(scope: SiteScope): SiteData {
    const merged: SiteData = {};
    for (const p of this.plugins) {
      if (!p.siteData) continue;
      let data: SiteData | undefined | void;
      try {
        data = p.siteData(scope);
      } catch (err) {
        throw new PluginHookError(p.name, `siteData${scope.initiative ? ` (${scope.initiative.id})` : ''}`, err);
      }
      if (!data) continue;
      if (data.banner && !merged.banner) merged.banner = data.banner;
      if (data.badges?.length) merged.badges = [...(merged.badges ?? []), ...data.badges];
      if (data.fields?.length) merged.fields = [...(merged.fields ?? []), ...data.fields];
    }
    return merged;
  }
}

/** Loads passerelle.config.ts (or the built-in defaults without it) and instantiates its plugins. */
export async function createPluginHost(opts: PluginHostOptions): Promise<PluginHost> {
  const file = opts.paths.config;
  const config = opts.config ?? (await importConfig(file, async () => (await import('../builtin/index.ts')).defaultConfig()));
  const env = opts.env ?? process.env;
  const siteUrl = opts.siteUrl ?? normalizeSiteUrl(env.PASSERELLE_SITE_URL);
  const instances = instantiatePlugins(config, file, (name) => ({
    model: opts.model,
    paths: opts.paths,
    siteUrl,
    logger: opts.logger.child({ plugin: name }),
    env,
    runtime: opts.runtime,
  }));
  return new PluginHost(instances, config, opts.logger, file.split('/').pop(), siteUrl);
}
