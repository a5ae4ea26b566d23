// Search as the running server uses it: the client, the store and the service, a first
// sync at start, a daily re-sync (open slots move with the days), and the health probe.
// A Meilisearch outage is logged and retried; it never stops the server.
import type { ContentModel } from '../../core/model/index.ts';
import type { Logger } from '../logger.ts';
import { type DocumentTransform, nextDay, startOfDay } from './documents.ts';
import { createMeiliClient, createMeiliPost } from './meili-client.ts';
import { indexNames, SearchStore, type SyncReport } from './search-store.ts';
import { createSearchService, type SearchService } from './service.ts';

export interface SearchConfig {
  host: string;
  apiKey: string;
  /** Index name prefix, so several instances can share one Meilisearch. */
  prefix?: string;
}

export interface SearchRuntime {
  store: SearchStore;
  service: SearchService;
  /** Syncs now; resolves with the report, or undefined when Meilisearch is unreachable. */
  sync(): Promise<SyncReport | undefined>;
  /** Something could not be indexed: the hourly check re-syncs until it works. */
  markStale(): void;
  stop(): void;
}

const HOUR = 3_600_000;

export function createSearchRuntime(config: SearchConfig, model: ContentModel, logger: Logger, transform?: DocumentTransform): SearchRuntime {
  const client = createMeiliClient(config.host, config.apiKey);
  const names = indexNames(config.prefix);
  const store = new SearchStore(client, names, transform);
  const service = createSearchService(createMeiliPost(config.host, config.apiKey), names, model);
  let lastDay = 0;
  let running: Promise<SyncReport | undefined> | undefined;

  const sync = (): Promise<SyncReport | undefined> => {
    running ??= (async () => {
      try {
        const started = Date.now();
        const report = await store.sync(model);
        lastDay = startOfDay(new Date()).getTime();
        logger.info({ ...report, ms: Date.now() - started }, 'search indexes in line with content');
        return report;
      } catch (err) {
        logger.error({ err }, 'search sync failed; it will be retried within the hour');
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  // Just after midnight the open slots move on a day: re-sync then. An hourly check also
  // retries after a failed sync.
  const hourly = setInterval(() => {
    if (startOfDay(new Date()).getTime() !== lastDay) void sync();
  }, HOUR);
  hourly.unref();
  let nightly: NodeJS.Timeout | undefined;
  const scheduleNightly = () => {
    const wait = nextDay(startOfDay(new Date())).getTime() + 60_000 - Date.now();
    nightly = setTimeout(() => {
      void sync().finally(scheduleNightly);
    }, wait);
    nightly.unref();
  };
  scheduleNightly();

  return {
    store,
    service,
    sync,
    markStale: () => {
      lastDay = 0;
    },
    stop: () => {
      clearInterval(hourly);
      clearTimeout(nightly);
    },
  };
}
