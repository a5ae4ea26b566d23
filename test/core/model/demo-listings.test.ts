// PASSERELLE_DEMO_LISTINGS=hide, the production switch: the demonstration listings leave
// the site, the search's source, the exports and the dashboard; the content check still
// reads them. Default: shown.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../api/config/env.ts';
import { checkContent } from '../../../core/content/check-content.ts';
import { loadContentModel, loadInitiatives, resolvePaths } from '../../../core/model/index.ts';
import { publishedInitiatives } from '../../../plugins/api/exports.ts';
import { FIXTURE_CONTENT, tempContent } from '../../helpers/content.ts';
import { getJson, startTestServer } from '../../helpers/server.ts';

let env: ReturnType<typeof tempContent>;

beforeAll(() => {
  env = tempContent(FIXTURE_CONTENT);
  // The fixture's one listing is a demo; a real one beside it.
  const demo = fs.readFileSync(path.join(env.paths.initiatives, 'permanence-marcinelle.yml'), 'utf8');
  fs.writeFileSync(
    path.join(env.paths.initiatives, 'permanence-reelle.yml'),
    demo.replace('id: permanence-marcinelle', 'id: permanence-reelle').replace('origin: demo', 'origin: team'),
  );
});

afterAll(() => env?.cleanup());

const hidden = () => ({ ...env.paths, demoListings: 'hide' as const });

describe('the demonstration listings switch', () => {
  it('is read from the environment, checked, and shows by default', () => {
    expect(resolvePaths({}).demoListings).toBe('show');
    expect(parseEnv({ PASSERELLE_DEMO_LISTINGS: 'hide' }).paths.demoListings).toBe('hide');
    expect(() => parseEnv({ PASSERELLE_DEMO_LISTINGS: 'oui' })).toThrow(/PASSERELLE_DEMO_LISTINGS: « oui » is not a choice\. Give hide/);
  });

  it('leaves them out of what is published, not out of the check', async () => {
    const shown = loadContentModel(env.paths);
    const model = loadContentModel(hidden());
    expect(
      loadInitiatives(shown, shown.paths.initiatives)
        .initiatives.map((i) => i.id)
        .sort(),
    ).toEqual(['permanence-marcinelle', 'permanence-reelle']);
    expect(loadInitiatives(model, model.paths.initiatives).initiatives.map((i) => i.id)).toEqual(['permanence-reelle']);
    expect(loadInitiatives(model, model.paths.initiatives, { all: true }).initiatives).toHaveLength(2);
    expect(publishedInitiatives(model).map((i) => i.id)).toEqual(['permanence-reelle']);
    expect((await checkContent(hidden())).initiativeCount).toBe(2);
  });

  it('serves neither its page data nor its figures', async () => {
    const server = await startTestServer(hidden(), { config: { plugins: [] } });
    try {
      expect((await getJson(`${server.url}/api/initiatives/permanence-marcinelle`)).status).toBe(404);
      expect((await getJson(`${server.url}/api/initiatives/permanence-reelle`)).status).toBe(200);
      const figures = (await getJson(`${server.url}/api/export/indicateurs`)).body as { figures: { id: string; value: number | null }[] };
      expect(figures.figures.find((f) => f.id === 'lieux')?.value).toBe(1);
      expect(figures.figures.find((f) => f.id === 'lieux-exemples')?.value).toBe(0);
    } finally {
      await server.close();
    }
  });
});
