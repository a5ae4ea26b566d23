// Open-data exports: /api/export lists the plugins' formats with the licence, each format
// is served with its type (CORS open), the build writes the same files under /open-data/,
// and no export ever carries the submitter's data or the submission reference.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, ROOT_DIR } from '../../core/model/index.ts';
import { normalizeSiteUrl } from '../../core/urls.ts';
import { createPluginHost, DEFAULT_LICENCE } from '../../plugins/api/index.ts';
import { writeOpenDataFiles } from '../../scripts/lib/open-data-files.ts';
import { sampleInitiative } from '../../scripts/lib/sample-submission.ts';
import { tempContent } from '../helpers/content.ts';
import { memoryLogger } from '../helpers/logger.ts';
import { loginModerator } from '../helpers/moderator.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

const FORMATS = ['geojson', 'csv', 'lmn-json', 'lmn-csv', 'hsds', 'ical'];
const submitter = { name: 'Zéphyrine Quokkaberg', email: 'zephyrine.quokkaberg@example.be', organisation: 'Asbl Quokka Secret' };

let env: ReturnType<typeof tempContent>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let submissionId = '';

beforeAll(async () => {
  env = tempContent(path.join(ROOT_DIR, 'content'));
  server = await startTestServer(env.paths);
  const moderator = await loginModerator(server.url, server.dataDir);
  const training = {
    ...sampleInitiative,
    name: 'Formation Quokka',
    kind: 'formation',
    period: { start: '2026-12-01', end: '2026-12-15' },
    hours: 'Tu 09:00-12:00',
  };
  const res = await getJson(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'create', initiative: training, submitter, message: 'Message privé Quokka' }),
  });
  submissionId = (res.body as { id: string }).id;
  expect((await moderator.call('POST', `/api/moderation/submissions/${submissionId}/approve`, {})).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('/api/export', () => {
  it('lists every format with its licence', async () => {
    const { status, body } = await getJson(`${server.url}/api/export`);
    expect(status).toBe(200);
    const list = body as { licence: { name: string; url: string }; formats: { format: string; url: string; label: string; description: string }[] };
    expect(list.licence).toEqual(DEFAULT_LICENCE);
    expect(list.formats.map((f) => f.format)).toEqual(FORMATS);
    for (const f of list.formats) {
      expect(f.url).toBe(`/api/export/${f.format}`);
      expect(f.label.length).toBeGreaterThan(2);
      expect(f.description).toMatch(/\.$/);
    }
  });

  it.each(FORMATS)('serves %s with its type, open to other sites, and without any submitter data', async (format) => {
    const res = await fetch(`${server.url}/api/export/${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="[\w.-]+"$/);
    const body = await res.text();
    expect(body).toContain('Formation Quokka');
    expect(body).not.toMatch(/Zéphyrine|Quokkaberg|zephyrine|Quokka Secret|Message privé/);
    expect(body).not.toContain(submissionId);
    const type = res.headers.get('content-type') ?? '';
    if (format === 'geojson') {
      expect(type).toMatch(/^application\/geo\+json/);
      const geo = JSON.parse(body) as { type: string; features: { geometry: { coordinates: number[] } }[] };
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features.length).toBeGreaterThan(40);
    } else if (format.endsWith('csv')) {
      expect(type).toMatch(/^text\/csv/);
      const rows = parseCsv(body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(40);
    } else if (format === 'ical') {
      expect(type).toMatch(/^text\/calendar/);
      const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.filter((e) => e.summary === 'Formation Quokka')).toHaveLength(3); // three Tuesdays in the period
    } else {
      expect(type).toMatch(/^application\/json/);
      expect(() => JSON.parse(body)).not.toThrow();
    }
  });

  it('answers an unknown format with a JSON 404 naming the formats', async () => {
    const { status, body } = await getJson(`${server.url}/api/export/pdf`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: `Le format « pdf » n'existe pas. Formats : ${FORMATS.join(', ')}.` } });
  });
});

describe('open-data files at build time', () => {
  it('writes each format and an index with the licence under build/open-data/', async () => {
    const model = loadContentModel(env.paths);
    const plugins = await createPluginHost({
      paths: env.paths,
      model,
      logger: memoryLogger(),
      runtime: 'build',
      siteUrl: normalizeSiteUrl('https://passerelle.example'),
    });
    const files = writeOpenDataFiles(env.paths.build, model, plugins, new Date('2026-11-23T10:00:00Z'));
    expect(files.map((f) => path.basename(f))).toEqual(plugins.exporters().map((e) => e.fileName));
    const index = JSON.parse(fs.readFileSync(path.join(env.paths.build, 'open-data', 'index.json'), 'utf8')) as {
      licence: unknown;
      formats: { file: string }[];
    };
    expect(index.licence).toEqual(DEFAULT_LICENCE);
    for (const f of index.formats) expect(fs.existsSync(path.join(env.paths.build, f.file))).toBe(true);
    // Same content as the API for the same data.
    const api = await (await fetch(`${server.url}/api/export/lmn-json`)).text();
    expect(JSON.parse(fs.readFileSync(path.join(env.paths.build, 'open-data', 'lieux-mediation-numerique.json'), 'utf8')).length ?? 0).toBe(
      (JSON.parse(api) as unknown[]).length ?? 0,
    );
  });
});
