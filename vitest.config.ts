// Tests: unit tests in-process; integration tests start real servers (site, API,
// Chromium) on 127.0.0.1 with random ports. Brussels time, like production.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    env: { TZ: 'Europe/Brussels' },
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
