// Storage side of search: the Meilisearch indexes, their settings, and keeping them in line
// with content/. `sync` sends only what changed (by content hash, so an unchanged tree
// sends no document); `rebuild` fills fresh indexes and swaps them in atomically, so no
// query ever sees an empty or half-built index. Every task is awaited and failures raised.
import type { EnqueuedTaskPromise, Meilisearch, RecordAny, Settings, Task } from 'meilisearch';
import { loadSearchVocabulary } from '../../core/content/search-vocabulary.ts';
import { type ContentModel, type Initiative, loadInitiatives } from '../../core/model/index.ts';
import { type DocSection, loadDocSections } from './doc-sections.ts';
import { type DocumentTransform, hashOf, type InitiativeDocument, initiativeDocument } from './documents.ts';
import { formsOf } from './french.ts';
import { docsSettings, initiativesSettings } from './settings.ts';

export interface IndexNames {
  initiatives: string;
  docs: string;
  meta: string;
}

export const indexNames = (prefix = ''): IndexNames => ({ initiatives: `${prefix}initiatives`, docs: `${prefix}docs`, meta: `${prefix}passerelle_meta` });

export type DocDocument = DocSection & { formes: string; hash: string };

export interface SyncCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface SyncReport {
  initiatives: SyncCounts;
  docs: SyncCounts;
  settingsChanged: boolean;
  /** Documents sent to Meilisearch (added + updated). */
  sent: number;
}

export class SearchTaskFailed extends Error {
  override name = 'SearchTaskFailed';
}

const TASK_TIMEOUT = 120_000;

async function done(task: EnqueuedTaskPromise, what: string): Promise<Task> {
  const result = await task.waitTask({ timeout: TASK_TIMEOUT, interval: 25 });
  if (result.status !== 'succeeded') throw new SearchTaskFailed(`Meilisearch task "${what}" ${result.status}: ${result.error?.message ?? 'no reason given'}`);
  return result;
}

export function activeInitiatives(model: ContentModel): Initiative[] {
  const { initiatives, errors } = loadInitiatives(model, model.paths.initiatives);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return initiatives.filter((i) => i.status === 'active');
}

function docDocuments(model: ContentModel): DocDocument[] {
  return loadDocSections(model.paths.content).map((d) => {
    const doc = { ...d, formes: formsOf([d.title, ...d.headingPath, d.text]) };
    return { ...doc, hash: hashOf(doc) };
  });
}

/** Both indexes' settings, from the content's search vocabulary (a wrong file stops the sync: `npm run check` says why). */
function settingsOf(model: ContentModel): { initiatives: Settings; docs: Settings } {
  const vocabulary = loadSearchVocabulary(model.paths.content);
  return { initiatives: initiativesSettings(vocabulary), docs: docsSettings(vocabulary) };
}

export class SearchStore {
  constructor(
    readonly client: Meilisearch,
    readonly names: IndexNames = indexNames(),
    /** The plugins' toSearchDocument hooks. */
    private readonly transform?: DocumentTransform,
  ) {}

  private document(model: ContentModel, initiative: Initiative, now: Date): InitiativeDocument {
    return initiativeDocument(model, initiative, now, this.transform);
  }

  private async indexExists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (e) {
      if ((e as { cause?: { code?: string } }).cause?.code === 'index_not_found' || /not found/i.test(String(e))) return false;
      throw e;
    }
  }

  private async ensureIndex(uid: string): Promise<void> {
    if (!(await this.indexExists(uid))) await done(this.client.createIndex(uid, { primaryKey: 'id' }), `create ${uid}`);
  }

  /** Applies settings when they differ from the last applied (hash kept in the meta index). */
  private async ensureSettings(uid: string, settings: Settings): Promise<boolean> {
    await this.ensureIndex(this.names.meta);
    const id = `settings-${uid}`;
    const hash = hashOf(settings);
    const meta = this.client.index<{ id: string; hash: string }>(this.names.meta);
    const current = await meta.getDocument(id).catch(() => null);
    if (current?.hash === hash) return false;
    await done(this.client.index(uid).updateSettings(settings), `settings ${uid}`);
    await done(meta.addDocuments([{ id, hash }]), `meta ${uid}`);
    return true;
  }

  private async existingHashes(uid: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const index = this.client.index<{ id: string; hash: string }>(uid);
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ fields: ['id', 'hash'], limit: 1000, offset });
      for (const d of page.results) out.set(String(d.id), d.hash);
      if (page.results.length < 1000) break;
    }
    return out;
  }

  private async syncIndex<T extends RecordAny & { id: string; hash: string }>(uid: string, docs: T[]): Promise<SyncCounts> {
    const existing = await this.existingHashes(uid);
    const changed = docs.filter((d) => existing.get(d.id) !== d.hash);
    const keep = new Set(docs.map((d) => d.id));
    const gone = [...existing.keys()].filter((id) => !keep.has(id));
    const index = this.client.index<T>(uid);
    for (let i = 0; i < changed.length; i += 2000) await done(index.addDocuments(changed.slice(i, i + 2000)), `add to ${uid}`);
    if (gone.length) await done(index.deleteDocuments(gone), `delete from ${uid}`);
    const added = changed.filter((d) => !existing.has(d.id)).length;
    return { added, updated: changed.length - added, deleted: gone.length, unchanged: docs.length - changed.length };
  }

  /** Brings both indexes in line with content/: only changed documents are sent. */
  async sync(model: ContentModel, now = new Date()): Promise<SyncReport> {
    await this.ensureIndex(this.names.initiatives);
    await this.ensureIndex(this.names.docs);
    // Both, always: `a || b` skipped the guides' settings whenever the places' changed (a first start left them unset).
    const settings = settingsOf(model);
    const changed = [await this.ensureSettings(this.names.initiatives, settings.initiatives), await this.ensureSettings(this.names.docs, settings.docs)];
    const settingsChanged = changed.some(Boolean);
    const initiatives = await this.syncIndex<InitiativeDocument>(
      this.names.initiatives,
      activeInitiatives(model).map((i) => this.document(model, i, now)),
    );
    const docs = await this.syncIndex<DocDocument>(this.names.docs, docDocuments(model));
    return { initiatives, docs, settingsChanged, sent: initiatives.added + initiatives.updated + docs.added + docs.updated };
  }

  /** Full rebuild: fresh indexes filled beside the live ones, then swapped in one task. */
  async rebuild(model: ContentModel, now = new Date()): Promise<{ initiatives: number; docs: number }> {
    const initiatives = activeInitiatives(model).map((i) => this.document(model, i, now));
    const docs = docDocuments(model);
    const settings = settingsOf(model);
    const pairs: [string, Settings, RecordAny[]][] = [
      [this.names.initiatives, settings.initiatives, initiatives],
      [this.names.docs, settings.docs, docs],
    ];
    for (const [uid, settings, documents] of pairs) {
      const next = `${uid}_next`;
      await this.ensureIndex(uid);
      await this.client.deleteIndexIfExists(next);
      await done(this.client.createIndex(next, { primaryKey: 'id' }), `create ${next}`);
      await done(this.client.index(next).updateSettings(settings), `settings ${next}`);
      for (let i = 0; i < documents.length; i += 2000) await done(this.client.index(next).addDocuments(documents.slice(i, i + 2000)), `fill ${next}`);
    }
    await done(this.client.swapIndexes(pairs.map(([uid]) => ({ indexes: [uid, `${uid}_next`] as [string, string], rename: false }))), 'swap');
    for (const [uid] of pairs) await this.client.deleteIndexIfExists(`${uid}_next`);
    // The swapped-in settings are the current ones: remember them so sync sends nothing.
    await this.ensureIndex(this.names.meta);
    await done(this.client.index(this.names.meta).addDocuments(pairs.map(([uid, settings]) => ({ id: `settings-${uid}`, hash: hashOf(settings) }))), 'meta');
    return { initiatives: initiatives.length, docs: docs.length };
  }

  /** Initiatives changed (the publish pipeline, in batches): upsert and remove, and wait until searchable. */
  async apply(model: ContentModel, upserts: Initiative[], removals: string[], now = new Date()): Promise<void> {
    const index = this.client.index(this.names.initiatives);
    if (upserts.length) await done(index.addDocuments(upserts.map((i) => this.document(model, i, now))), `upsert ${upserts.length}`);
    if (removals.length) await done(index.deleteDocuments(removals), `remove ${removals.length}`);
  }

  /** One initiative changed: upsert or remove it, and wait until searchable. */
  async upsertInitiative(model: ContentModel, initiative: Initiative, now = new Date()): Promise<void> {
    const index = this.client.index(this.names.initiatives);
    if (initiative.status === 'active') await done(index.addDocuments([this.document(model, initiative, now)]), `upsert ${initiative.id}`);
    else await done(index.deleteDocuments([initiative.id]), `remove ${initiative.id}`);
  }

  async healthy(): Promise<boolean> {
    try {
      await this.client.health();
      return true;
    } catch {
      return false;
    }
  }
}
