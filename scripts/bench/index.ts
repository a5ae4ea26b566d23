// `npm run bench -- <name>`: benchmarks that print ratios against a baseline measured in
// the same run. Not timed tests: run them by hand and record the figures in the issue note.
import { benchBuild } from './build.ts';
import { benchFirstVisit } from './first-visit.ts';
import { benchPublish } from './publish.ts';
import { benchRelevance } from './relevance.ts';
import { benchSearch } from './search.ts';
import { benchSubmissions } from './submissions.ts';
import { benchWire } from './wire.ts';

const [name = 'build', ...rest] = process.argv.slice(2);
const option = (flag: string) => {
  const i = rest.indexOf(flag);
  return i >= 0 ? rest[i + 1] : undefined;
};

const benches: Record<string, () => Promise<void>> = {
  'first-visit': () =>
    benchFirstVisit({
      runs: Number(option('--runs') ?? 3),
      profiles: (option('--profiles') ?? 'slow-3g,lighthouse').split(','),
      ...(option('--baseline') ? { baseline: option('--baseline') } : {}),
    }),
  build: () => benchBuild((option('--sizes') ?? '0,54,1000,10000').split(',').map(Number)),
  publish: () => benchPublish((option('--sizes') ?? '54,10000').split(',').map(Number), Number(option('--samples') ?? 2000), Number(option('--rate') ?? 4)),
  relevance: () => benchRelevance(),
  search: () => benchSearch((option('--sizes') ?? '1000,10000').split(',').map(Number), Number(option('--samples') ?? 2000), Number(option('--seconds') ?? 4)),
  wire: () => benchWire(option('--pages')?.split(',')),
  submissions: () => benchSubmissions(Number(option('--clients') ?? 50), Number(option('--seconds') ?? 10)),
};

const run = benches[name];
if (!run) {
  console.error(`Unknown benchmark "${name}". Available: ${Object.keys(benches).join(', ')}.`);
  process.exit(2);
}
await run();
