// Open data in and out, end to end: the repository's initiatives exported in the French
// standard (JSON and CSV), imported with `npm run import` into an empty instance, all
// approved by a moderator: the published data equals the original on every mapped field.
// A second import of the same file queues nothing: every record is a reported duplicate.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, loadInitiatives, type ProjectPaths, ROOT_DIR } from '../../../core/model/index.ts';
import { normalizeSiteUrl } from '../../../core/urls.ts';
import { publishedInitiatives, runExporter } from '../../../plugins/api/exports.ts';
import { DEFAULT_LICENCE } from '../../../plugins/api/index.ts';
import { lmnCsvExporter, lmnJsonExporter } from '../../../plugins/builtin/open-data/lmn.ts';
import { lmnComparable } from '../../../plugins/builtin/open-data/lmn-mapping.ts';
import { tempContent, tempDir } from '../../helpers/content.ts';
import { loginModerator } from '../../helpers/moderator.ts';
import { startTestServer } from '../../helpers/server.ts';

const REPO_CONTENT = path.join(ROOT_DIR, 'content');

function importCli(paths: ProjectPaths, dataDir: string, file: string, ...args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'scripts/import.ts'), file, ...args], {
      env: { ...process.env, PASSERELLE_CONTENT_DIR: paths.content, PASSERELLE_DATA_DIR: dataDir, PASSERELLE_CONFIG: paths.config, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

const byName = <T extends { name: string }>(list: T[]) => new Map(list.map((i) => [i.name, i]));

describe.each([
  ['JSON', lmnJsonExporter],
  ['CSV', lmnCsvExporter],
])('the French standard in %s', (_format, exporter) => {
  let source: ReturnType<typeof tempContent>;
  let target: ReturnType<typeof tempContent>;
  let dataDir: string;
  let file: string;

  beforeAll(() => {
    source = tempContent(REPO_CONTENT);
    target = tempContent(REPO_CONTENT);
    fs.rmSync(target.paths.initiatives, { recursive: true });
    fs.mkdirSync(target.paths.initiatives);
    dataDir = tempDir('passerelle-import-data-');
    file = path.join(tempDir('passerelle-import-file-'), exporter.fileName);
    fs.writeFileSync(
      file,
      runExporter(exporter, loadContentModel(source.paths), { licence: DEFAULT_LICENCE, siteUrl: normalizeSiteUrl('https://passerelle.example') }),
    );
  });
  afterAll(() => {
    source?.cleanup();
    target?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('imports every record as a pending submission, approves them all, and gets the same data back', async () => {
    const original = publishedInitiatives(loadContentModel(source.paths));
    expect(original.length).toBeGreaterThan(40);
    const run = importCli(target.paths, dataDir, file);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain(`${original.length} enregistrement(s) lu(s) : ${original.length} mis en attente de modération, 0 écarté(s).`);

    const server = await startTestServer(target.paths, { dataDir });
    try {
      const moderator = await loginModerator(server.url, dataDir);
      const pending = (
        (await moderator.call('GET', '/api/moderation/submissions?status=pending')).body as { submissions: { id: string; submitter: { email: string } }[] }
      ).submissions;
      expect(pending).toHaveLength(original.length);
      for (const s of pending) {
        const res = await moderator.call('POST', `/api/moderation/submissions/${s.id}/approve`, {});
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    } finally {
      await server.close();
    }

    const model = loadContentModel(target.paths);
    const { initiatives: imported, errors } = loadInitiatives(model, target.paths.initiatives);
    expect(errors).toEqual([]);
    expect(imported.every((i) => i.source.origin === 'import' && i.status === 'active')).toBe(true);
    const after = byName(imported);
    for (const before of original) {
      const again = after.get(before.name);
      expect(again, before.name).toBeDefined();
      expect(lmnComparable(again as never, model), before.id).toEqual(lmnComparable(before as never, model));
    }
  });

  it('queues nothing the second time: every record is reported as a duplicate of a published initiative', () => {
    const run = importCli(target.paths, dataDir, file);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/: 0 mis en attente de modération, \d+ écarté\(s\)\./);
    expect(run.out).toMatch(/doublon, même nom et même adresse que l'initiative publiée [a-z0-9-]+ \(« .+ », 0 m\)\./);
    expect(run.out).not.toMatch(/Mis en attente/);
  });
});

describe('npm run import', () => {
  it('explains what to do when the server holds the data folder', async () => {
    const env = tempContent();
    const server = await startTestServer(env.paths);
    try {
      const file = path.join(env.paths.content, 'vide.json');
      fs.writeFileSync(file, '[]');
      const run = importCli(env.paths, server.dataDir, file);
      expect(run.status).toBe(1);
      expect(run.out).toContain('Arrêtez le serveur');
    } finally {
      await server.close();
      env.cleanup();
    }
  });

  it('refuses a missing file and an unknown source with a clear message', () => {
    const env = tempContent();
    const data = tempDir();
    try {
      expect(importCli(env.paths, data, '/nulle/part.csv')).toMatchObject({
        status: 2,
        out: expect.stringContaining("Le fichier /nulle/part.csv n'existe pas."),
      });
      const file = path.join(env.paths.content, 'x.txt');
      fs.writeFileSync(file, 'bonjour');
      expect(importCli(env.paths, data, file)).toMatchObject({
        status: 1,
        out: expect.stringContaining('Aucune source ne sait lire x.txt. Donnez-la avec --source ('),
      });
      expect(importCli(env.paths, data, file, '--source', 'inconnue')).toMatchObject({
        status: 1,
        out: expect.stringContaining("La source « inconnue » n'existe pas."),
      });
    } finally {
      env.cleanup();
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});
