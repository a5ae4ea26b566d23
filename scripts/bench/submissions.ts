// Benchmark: 50 concurrent clients post submissions for 10 s against a real server; then
// every accepted submission must be in the queue once (none lost, none duplicated), also
// after a restart that re-reads the file. Prints throughput and latency percentiles.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from '../../api/index.ts';
import { createLogger } from '../../api/logger.ts';
import { openQueue } from '../../api/submissions/store.ts';
import { resolvePaths } from '../../core/model/index.ts';
import { sampleInitiative } from '../lib/sample-submission.ts';

const initiative = sampleInitiative;

export async function benchSubmissions(clients = 50, seconds = 10): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-sub-'));
  const repo = resolvePaths({});
  const paths = { ...repo, data: path.join(root, '.data'), build: path.join(root, 'build') };
  const server = await startServer({ paths, port: 0, logger: createLogger({ LOG_LEVEL: 'silent' }), submissionsLimit: { limit: 1_000_000 } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const accepted: string[] = [];
  const latencies: number[] = [];
  let failed = 0;
  const post = (n: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({
        type: 'create',
        initiative: { ...initiative, name: `Atelier de test ${n}` },
        submitter: { name: 'Banc', email: 'banc@example.be' },
      });
      const t = performance.now();
      const req = http.request(
        `${server.url}/api/submissions`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c));
          res.on('end', () => {
            latencies.push(performance.now() - t);
            if (res.statusCode === 202) accepted.push((JSON.parse(text) as { id: string }).id);
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  const deadline = performance.now() + seconds * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) await post(counter++);
    }),
  );
  await server.close();
  agent.destroy();
  const queue = await openQueue(paths.data);
  const ids = queue.data.submissions.map((s) => s.id);
  const unique = new Set(ids);
  const lost = accepted.filter((id) => !unique.has(id));
  latencies.sort((a, b) => a - b);
  const p = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN).toFixed(1);
  console.log(
    `\n${clients} clients, ${seconds} s: ${accepted.length} accepted (${(accepted.length / seconds).toFixed(0)}/s), ${failed} failed; latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`,
  );
  console.log(`  in the queue after restart: ${ids.length}, duplicated ${ids.length - unique.size}, lost ${lost.length}`);
  fs.rmSync(root, { recursive: true, force: true });
  if (lost.length || ids.length !== unique.size || ids.length !== accepted.length) process.exitCode = 1;
}
