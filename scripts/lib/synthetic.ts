// Synthetic content for scale tests and benchmarks: a copy of a content tree whose
// initiatives are N variants of the seed ones (unique ids and names, positions nudged by
// up to ~150 m so they stay in their commune). Never written into the real content/.
import fs from 'node:fs';
import path from 'node:path';
import { type Initiative, loadContentModel, loadInitiatives, type ProjectPaths, resolvePaths, writeInitiativeFile } from '../../core/model/index.ts';

/** Deterministic pseudo-random numbers so two runs make the same tree. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copies `source` content to `targetRoot/content` with `count` initiatives; returns paths for it. */
export function writeSyntheticContent(targetRoot: string, count: number, source: ProjectPaths = resolvePaths({})): ProjectPaths {
  const content = path.join(targetRoot, 'content');
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync(source.content, content, { recursive: true, filter: (p) => p !== source.initiatives });
  const paths = resolvePaths({
    PASSERELLE_CONTENT_DIR: content,
    PASSERELLE_BUILD_DIR: path.join(targetRoot, 'build'),
    PASSERELLE_DATA_DIR: path.join(targetRoot, '.data'),
  });
  fs.mkdirSync(paths.initiatives, { recursive: true });
  const model = loadContentModel(source);
  const seed = loadInitiatives(model, source.initiatives).initiatives.filter((i) => i.status === 'active');
  const random = mulberry32(42);
  for (let n = 0; n < count; n++) {
    const base = seed[n % seed.length];
    if (!base) throw new Error('the source content has no active initiative to vary');
    const round = Math.floor(n / seed.length);
    const variant: Initiative =
      round === 0
        ? base
        : {
            ...base,
            id: `${base.id.slice(0, 70)}-${round + 1}`,
            name: `${base.name} (${round + 1})`,
            geo: { lat: +(base.geo.lat + (random() - 0.5) * 0.002).toFixed(5), lng: +(base.geo.lng + (random() - 0.5) * 0.003).toFixed(5) },
          };
    writeInitiativeFile(paths.initiatives, variant);
  }
  return paths;
}
