// The lowdb store: many concurrent changes all reach the file (grouped writes, none lost),
// a failing change rejects without touching the file, and reload picks up another
// process's write without overwriting it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../../api/storage/json-store.ts';
import { tempDir } from '../../helpers/content.ts';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('JsonStore', () => {
  it('keeps every one of many concurrent changes, in order, with fewer writes than changes', async () => {
    dir = tempDir('passerelle-store-');
    const file = path.join(dir, 'q.json');
    const store = await JsonStore.open<{ items: number[] }>(file, { items: [] });
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.update((d) => d.items.push(i))));
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { items: number[] };
    expect(onDisk.items).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(fs.readdirSync(dir)).toEqual(['q.json']); // no temp file left behind
  });

  it('rejects a change that throws and writes nothing for it', async () => {
    dir = tempDir('passerelle-store-');
    const store = await JsonStore.open<{ n: number }>(path.join(dir, 's.json'), { n: 0 });
    await expect(
      store.update(() => {
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(fs.existsSync(path.join(dir, 's.json'))).toBe(false);
  });

  it('reloads what another process wrote, without overwriting it', async () => {
    dir = tempDir('passerelle-store-');
    const file = path.join(dir, 'm.json');
    const a = await JsonStore.open<{ names: string[] }>(file, { names: [] });
    await a.update((d) => d.names.push('a'));
    const b = await JsonStore.open<{ names: string[] }>(file, { names: [] });
    await b.update((d) => d.names.push('b'));
    await a.reload();
    expect(a.data.names).toEqual(['a', 'b']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).names).toEqual(['a', 'b']);
  });

  it('keeps its records private: the folder 0700, the files 0600, also when an older version made them 0644', async () => {
    dir = tempDir('passerelle-store-');
    const data = path.join(dir, '.data');
    fs.mkdirSync(data, { mode: 0o755 });
    fs.writeFileSync(path.join(data, 'old.json'), '{"n":1}', { mode: 0o644 });
    const old = await JsonStore.open<{ n: number }>(path.join(data, 'old.json'), { n: 0 });
    const fresh = await JsonStore.open<{ n: number }>(path.join(data, 'new.json'), { n: 0 });
    await fresh.update((d) => {
      d.n = 2;
    });
    await old.update((d) => {
      d.n = 3;
    });
    expect(fs.statSync(data).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(data, 'new.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(data, 'old.json')).mode & 0o777).toBe(0o600);
  });
});
