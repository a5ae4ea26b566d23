// Built-in plugin: keeps the search index in line with approvals. After an approval the
// listing is upserted (or, archived, removed) and searchable before the moderator's answer.
// When Meilisearch is down the approval stands: the index is marked stale and the server's
// hourly check re-syncs it from content/ once it is back (the host also retries).
import { definePlugin } from '../api/define.ts';

export const meilisearchSync = definePlugin({ name: 'meilisearch-sync' }, (_options, context) => ({
  name: 'meilisearch-sync',
  // The 2 s budget of "searchable after approval": fail fast and let the re-sync catch up.
  sideEffects: { timeoutMs: 2000, retries: 2, backoffMs: 2000 },
  async onApproved({ initiative }) {
    const search = context.search;
    if (!search) return; // no Meilisearch configured (build, CLI, API-only tests)
    try {
      await search.upsertInitiative(initiative);
    } catch (err) {
      search.markStale();
      throw err;
    }
  },
}));
