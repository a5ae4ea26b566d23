// What the publish pipeline needs from the rest of the server, as narrow interfaces it
// owns: the site's directory renderer, the search index and the git work tree. The server
// (api/index.ts) plugs the real ones in; tests may plug others.
import type { Initiative } from '../../core/model/index.ts';

/** The change a rendering must reflect: the listing before and after (either may be absent). */
export interface ListingChange {
  before?: Initiative;
  after?: Initiative;
}

export interface DirectoryRenderer {
  /**
   * Brings the listings' pages and the list pages they appear (or appeared) on in line
   * with `all`, each list page once however many of the changes touch it. Must not block
   * the event loop for long: yield between pages.
   */
  renderChanges(changes: ListingChange[], all: ReadonlyMap<string, Initiative>): Promise<void>;
}

export interface SearchIndex {
  /** Indexes the active ones, removes the others; resolves once searchable. */
  apply(upserts: Initiative[], removals: string[]): Promise<void>;
  /** Whether the engine answers now (to retry at once when it comes back). */
  healthy(): Promise<boolean>;
}

/** The plan's dashboard page: rewritten from the current state (listings and records). */
export interface DashboardPage {
  write(all: Iterable<Initiative>): Promise<void>;
}

export interface ContentRepository {
  /** Commits one content file when it changed, authored by `author`; does nothing outside a work tree. */
  commitFile(file: string, message: string, author: string): Promise<void>;
}
