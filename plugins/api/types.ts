// The plugin contract of Passerelle, in one place: what a plugin is, what it receives and
// every hook it may implement, with when each runs, in which order and what an empty
// answer means. What differs between territories and partner networks is a plugin, never
// a fork. The site's "Plugins" documentation (content/developpeurs/) mirrors this file.
import type * as z from 'zod';
import type { ContentModel, Initiative, InitiativeFields, ProjectPaths } from '../../core/model/index.ts';
import type { SiteUrl } from '../../core/urls.ts';

export type MaybePromise<T> = T | Promise<T>;

/** Field errors in the API's format: key = dotted path in the request body, value = French message. */
export type FieldErrors = Record<string, string>;

/** A pino-compatible logger, already labelled with the plugin's name. */
export interface PluginLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What every plugin factory receives besides its options. */
export interface PluginContext {
  /** Vocabularies, territory, initiative schemas and paths of this instance. */
  model: ContentModel;
  paths: ProjectPaths;
  /** Public address of the site, without a trailing slash (PASSERELLE_SITE_URL). */
  siteUrl: SiteUrl;
  logger: PluginLogger;
  /** The process environment, for secrets such as SMTP_URL (never sent to a browser). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where the plugin runs: `server` (API), `build` (site build), `cli` (import, check). */
  runtime: 'server' | 'build' | 'cli';
}

/** A submission as plugins see it. `submitter` is private: use it to notify, never publish it. */
export interface PluginSubmission {
  id: string;
  type: 'create' | 'update' | 'report';
  targetId?: string;
  initiative?: InitiativeFields;
  message?: string;
  submitter: { name: string; email: string; organisation?: string };
  createdAt: string;
  /** Set when the submission came from `npm run import`: the source's name and the record's reference. */
  imported?: { source: string; ref: string };
}

/** What `validateSubmission` is given. */
export interface SubmissionDraft {
  type: 'create' | 'update' | 'report';
  targetId?: string;
  /**
   * The initiative as sent. It may be incomplete or wrong when the base rules found errors
   * too (every error is reported at once): check defensively what you need.
   */
  initiative?: Partial<InitiativeFields> & Record<string, unknown>;
  message?: string;
  /** Where the draft comes from: the public API or form, an import, or a moderator's edits before approval. */
  origin: 'api' | 'import' | 'moderation';
}

export interface ApprovedEvent {
  submission: PluginSubmission;
  /** The published file as written (archived for an approved report). */
  initiative: Initiative;
  moderator: string;
}

export interface DecisionEvent {
  submission: PluginSubmission;
  moderator: string;
  /** The moderator's reason, shown to the submitter. */
  reason: string;
}

export interface SubmissionCreatedEvent {
  submission: PluginSubmission;
  /** The tracking page of the submission, without its token (only the submitter has it). */
  trackingPath: string;
  /**
   * The tracking page WITH its token, for the one receipt e-mail to the submitter. It is a
   * key to their submission: never publish, log or forward it (webhooks never carry it).
   * Absent for imported records.
   */
  submitterTrackingPath?: string;
}

export interface SubmissionCorrectedEvent {
  /** The submission as corrected by its submitter. */
  submission: PluginSubmission;
  /** What the submitter wrote with the correction. */
  message: string;
  /** The tracking page, without its token. */
  trackingPath: string;
}

/**
 * Given to each attempt of a decision hook. Decision hooks are steps of the publish
 * pipeline (api/publish/pipeline.ts): an attempt that throws or exceeds its time limit is
 * tried again later (1 s, 2 s, 4 s… at most every 5 minutes) until it succeeds, across
 * restarts, and the moderation page shows it waiting. So a hook may run more than once for
 * one event: use `deliveryId` and `done`/`markDone` to do each thing once.
 */
export interface AttemptInfo {
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the attempt exceeds its time limit: pass it to fetch, SMTP and the like. */
  signal: AbortSignal;
  /** The same for every attempt of this hook for this event, even after a restart: give it to receivers (webhook header, Message-ID) so they can drop a repeat. */
  deliveryId: string;
  /** What earlier attempts marked done (see markDone). */
  done: ReadonlySet<string>;
  /** Records, on disk, that a part of the work is done (e.g. `email`), so a later attempt skips it. */
  markDone(key: string): void;
}

/** Time limit of one attempt of this plugin's decision hooks. */
export interface SideEffectPolicy {
  /** Default 10,000 ms. */
  timeoutMs: number;
}

/** A published initiative as exporters see it: no submission reference, no submitter. */
export type PublishedInitiative = Omit<Initiative, 'source'> & { source: { origin: Initiative['source']['origin'] } };

export interface Licence {
  name: string;
  url: string;
}

export interface ExportContext {
  model: ContentModel;
  siteUrl: SiteUrl;
  licence: Licence;
  /** When the export is made (for `dtstamp`, `updated` and the like). */
  generatedAt: Date;
}

/** One open-data format, served at /api/export/<format> and written to /open-data/<fileName> at build. */
export interface Exporter {
  /** Lowercase slug used in the URL, unique across plugins: `geojson`, `lmn-csv`… */
  format: string;
  /** Shown on the open-data page (French). */
  label: string;
  /** One plain French sentence on what the file holds and who reads it. */
  description: string;
  fileName: string;
  /** With charset for text formats, e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  /** Only published (active) initiatives are given. Must be deterministic for a given input and date. */
  export(initiatives: PublishedInitiative[], context: ExportContext): string;
}

/** One record read by a source; `ref` says where it was in the file (line, id) for the report. */
export interface SourceRecord {
  ref: string;
  /** Initiative fields in our model (validated afterwards, errors go to the report). */
  initiative?: Record<string, unknown>;
  /** Set when the record could not be read at all. */
  error?: string;
  /** What the source could not carry over (unknown values…), in French, for the report. */
  warnings?: string[];
}

/** An importer: turns an external dataset into initiative fields that become pending submissions. */
export interface Source {
  /** Lowercase slug, accepted by `npm run import -- --source <name>`. */
  name: string;
  label: string;
  /** Whether this source reads that file (by name and a look at the content); the first that accepts wins. */
  accepts(file: { name: string; content: string }): boolean;
  read(content: string, context: { model: ContentModel }): SourceRecord[];
}

/** Data the site shows. Global scope: a banner on every page. Initiative scope: badges and extra lines on its page. */
export interface SiteData {
  banner?: { text: string; link?: { href: string; label: string } };
  badges?: { label: string; description?: string }[];
  fields?: { label: string; value: string }[];
}

export type SiteScope = { initiative?: undefined } | { initiative: Initiative };

/** Every hook is optional. Hooks of several plugins run in the config's order. */
export interface PluginHooks {
  /**
   * Before a submission is queued (API, form, import) and before a moderator's edits are
   * approved. Returns field errors (merged with the base rules'; the first message per field
   * wins) or nothing. Serial. Throwing or exceeding 5 s refuses the submission with a 500
   * error that names no internals, and logs the plugin's name.
   */
  validateSubmission?(draft: SubmissionDraft): MaybePromise<FieldErrors | undefined | void>;
  /** After a submission is queued. A pipeline step: not awaited by the request; see AttemptInfo. */
  onSubmissionCreated?(event: SubmissionCreatedEvent, attempt: AttemptInfo): MaybePromise<void>;
  /**
   * After a submitter sent a corrected version of a submission a moderator had sent back
   * for changes (it waits in the queue again, marked as corrected). A pipeline step (see onApproved).
   */
  onSubmissionCorrected?(event: SubmissionCorrectedEvent, attempt: AttemptInfo): MaybePromise<void>;
  /**
   * After an approval: once the listing's file is written and the decision recorded, and
   * its page rendered. A pipeline step, one per plugin, in config order; the moderator's
   * answer does not wait for it. Retried until it succeeds (see AttemptInfo), so make it
   * safe to run twice for one event.
   */
  onApproved?(event: ApprovedEvent, attempt: AttemptInfo): MaybePromise<void>;
  /** After a rejection is recorded. A pipeline step (see onApproved). */
  onRejected?(event: DecisionEvent, attempt: AttemptInfo): MaybePromise<void>;
  /** After a moderator asked the submitter for changes. A pipeline step (see onApproved). */
  onChangesRequested?(event: DecisionEvent, attempt: AttemptInfo): MaybePromise<void>;
  /**
   * Adds or changes fields of the document indexed for an initiative. Synchronous and pure:
   * it runs for every initiative at every sync. Return the document (or nothing to keep it).
   * Text in `keywords` is searchable; other added fields are stored only.
   */
  toSearchDocument?(document: SearchDocument, initiative: Initiative): SearchDocument | undefined | void;
  /** Importers this plugin provides. Called once when the plugin is loaded. */
  sources?(): Source[];
  /** Export formats this plugin provides. Called once when the plugin is loaded. */
  exporters?(): Exporter[];
  /**
   * Data for the site. Synchronous. Initiative scope: at build time and whenever that page
   * is re-rendered after an approval. Global scope (the banner): at the site build only.
   */
  siteData?(scope: SiteScope): SiteData | undefined | void;
}

/** The indexed document: the built fields (see api/search/documents.ts) plus what plugins add. */
export interface SearchDocument {
  id: string;
  keywords: string[];
  [field: string]: unknown;
}

/** What a plugin factory returns. */
export interface PluginInstance extends PluginHooks {
  /** Same as the name given to `definePlugin`; shown in every log line and error. */
  name: string;
  /** Time limit of one attempt of this plugin's decision hooks (default in SideEffectPolicy). */
  sideEffects?: Partial<SideEffectPolicy>;
}

/** A plugin: `(options, context) => { name, ...hooks }`, plus what the loader needs before calling it. */
export interface Plugin<Options = unknown> {
  (options: Options, context: PluginContext): PluginInstance;
  pluginName: string;
  /** Checks (and fills defaults of) the options before the factory runs. */
  optionsSchema?: z.ZodType<Options>;
}

/** Any plugin, whatever its options (what a config lists). */
export interface AnyPlugin {
  (options: never, context: PluginContext): PluginInstance;
  pluginName: string;
  optionsSchema?: z.ZodType;
}

/** `plugin`, `[plugin, options]`, or a falsy value (so `condition && plugin` works). */
export type PluginEntry = AnyPlugin | readonly [AnyPlugin, unknown] | false | null | undefined;

export interface PasserelleConfig {
  /** Licence of the open-data exports (default: CC BY 4.0). */
  licence?: Licence;
  /** Who commits approved files when content/ is a git work tree (the author is the moderator). */
  git?: { committer?: { name: string; email: string } };
  /** The pages that reach people where they are: the WiFi portal's page and the partners' widget. */
  reach?: ReachConfig;
  /** In order: hooks run in this order. */
  plugins: PluginEntry[];
}

/** Settings of /wifi and of the embeddable directory (/integrer). */
export interface ReachConfig {
  wifi?: {
    /** « Horaires TEC »: where public-transport times are (default https://www.letec.be). */
    transportUrl?: string;
    /** The cultural agenda (default: the site's own news, /actualites). */
    agendaUrl?: string;
    agendaLabel?: string;
  };
  widget?: {
    /** Sites allowed to frame the widget (CSP frame-ancestors), e.g. ['https://www.cpascharleroi.be']; default any. */
    frameAncestors?: string[];
  };
}
