// A temporary closure ends with the calendar: the listing's static page, written while it
// was closed, is rendered again at start and after midnight, and says its hours again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/logger.ts';
import { dataDirMark, endedClosures, scheduleClosureRefresh } from '../../../api/publish/ended-closures.ts';
import { type Initiative, loadContentModel, loadInitiatives, resolvePaths } from '../../../core/model/index.ts';
import { readInitiativeFile, writeInitiativeFile } from '../../../core/model/initiative-files.ts';
import { createDirectoryRenderer, renderDirectory } from '../../../site/directory/render-directory.tsx';
import { tempContent } from '../../helpers/content.ts';

const CLOSED = 'Fermé temporairement';
const DURING = new Date('2026-11-18T10:00:00');
const AFTER = new Date('2026-11-21T00:30:00');
let env: ReturnType<typeof tempContent>;

const page = (id: string) => fs.readFileSync(path.join(env.paths.build, 'annuaire', `${id}.html`), 'utf8');

beforeAll(() => {
  env = tempContent();
  fs.mkdirSync(env.paths.build, { recursive: true });
  fs.copyFileSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
  const model = loadContentModel(env.paths);
  const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-marcinelle.yml'));
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'fermee-jusquau-20', closure: { reason: 'Travaux dans le bâtiment.', until: '2026-11-20' } });
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'fermee-sans-date', closure: { reason: 'Congé de maladie.' } });
  renderDirectory({ buildDir: env.paths.build, model, now: DURING });
});

afterAll(() => env.cleanup());

describe('ended temporary closures', () => {
  it('are the active listings whose last closed day is past', () => {
    const base = { status: 'active' } as Initiative;
    const all = [
      { ...base, id: 'a', closure: { reason: 'r', until: '2026-11-20' } },
      { ...base, id: 'b', closure: { reason: 'r', until: '2026-11-21' } },
      { ...base, id: 'c', closure: { reason: 'r' } },
      { ...base, id: 'd' },
      { ...base, id: 'e', status: 'archived', closure: { reason: 'r', until: '2026-11-01' } },
    ] as Initiative[];
    expect(endedClosures(all, AFTER).map((i) => i.id)).toEqual(['a']);
    expect(endedClosures(all, DURING)).toEqual([]);
    // Since a refresh during the closure: still to do; since one after its end: done then.
    expect(endedClosures(all, AFTER, DURING).map((i) => i.id)).toEqual(['a']);
    expect(endedClosures(all, AFTER, new Date('2026-11-21T00:01:00'))).toEqual([]);
  });

  it('keep when the last refresh succeeded in the data directory, across restarts', () => {
    const mark = dataDirMark(env.paths.data);
    expect(mark.read()).toBeUndefined();
    mark.write(AFTER);
    expect(dataDirMark(env.paths.data).read()).toEqual(AFTER);
    fs.writeFileSync(path.join(env.paths.data, 'closures-refreshed'), 'pas une date\n');
    expect(dataDirMark(env.paths.data).read()).toBeUndefined();
  });

  it('have their page rendered again: the hours come back, a closure without end stays', async () => {
    expect(page('fermee-jusquau-20')).toContain(CLOSED);
    expect(page('fermee-sans-date')).toContain(CLOSED);
    const model = loadContentModel(env.paths);
    const all = new Map(loadInitiatives(model, env.paths.initiatives).initiatives.map((i) => [i.id, i]));
    const renderer = createDirectoryRenderer({ buildDir: env.paths.build, model });
    if (!renderer) throw new Error('the page template is missing');
    const refresh = scheduleClosureRefresh(
      renderer,
      () => all,
      createLogger({ LOG_LEVEL: 'silent' }),
      () => AFTER,
    );
    try {
      expect(await refresh.run()).toBe(1);
      // Done: the next night has nothing left to render.
      expect(await refresh.run()).toBe(0);
    } finally {
      refresh.stop();
    }
    expect(page('fermee-jusquau-20')).not.toContain(CLOSED);
    expect(page('fermee-jusquau-20')).toContain('horaires-data');
    expect(page('fermee-sans-date')).toContain(CLOSED);
  });
});
