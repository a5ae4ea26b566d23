// Tests: unit tests in-process; integration tests start real servers (site, API,
// Chromium) on 127.0.0.1 with random ports. Brussels time, like production.
// The 10k-initiative scale build saturates every core for minutes; it runs alone,
// after the rest, so the latency budgets measured elsewhere are not skewed by it.
import { defineConfig } from 'vitest/config';

const heavy = ['test/site/scale.test.ts'];

export default defineConfig({
  test: {
    env: { TZ: 'Europe/Brussels' },
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: heavy, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'heavy', include: heavy, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
