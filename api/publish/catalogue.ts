// The published initiatives in memory (active and archived), read once at start and kept
// in line by the pipeline's write step: re-rendering a listing, indexing it or choosing a
// free identifier never re-reads 10,000 files.
import { type ContentModel, type Initiative, loadInitiatives } from '../../core/model/index.ts';
import type { Logger } from '../logger.ts';

export class Catalogue {
  private readonly byId = new Map<string, Initiative>();

  static load(model: ContentModel, logger?: Logger): Catalogue {
    const catalogue = new Catalogue();
    const { initiatives, errors } = loadInitiatives(model, model.paths.initiatives);
    for (const e of errors) logger?.error({ file: e.file }, `an initiative file is not valid and is left out: ${e.message}`);
    for (const i of initiatives) catalogue.byId.set(i.id, i);
    return catalogue;
  }

  get(id: string): Initiative | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  set(initiative: Initiative): void {
    this.byId.set(initiative.id, structuredClone(initiative));
  }

  /** Every initiative, active and archived (read-only view). */
  all(): ReadonlyMap<string, Initiative> {
    return this.byId;
  }

  get size(): number {
    return this.byId.size;
  }
}
