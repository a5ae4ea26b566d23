// GET /api/openapi.json describes every endpoint of the contract, with schemas generated
// from the zod schemas the routes use: a field the server accepts is in the document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContent } from '../helpers/content.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

beforeAll(async () => {
  env = tempContent();
  server = await startTestServer(env.paths);
  const res = await getJson(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = res.body as typeof doc;
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every endpoint of the contract with its responses', () => {
    expect(doc.openapi).toBe('3.1.0');
    const expected: [string, string][] = [
      ['/api/health', 'get'],
      ['/api/search', 'get'],
      ['/api/initiatives/{id}', 'get'],
      ['/api/submissions', 'post'],
      ['/api/submissions/{id}', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/moderation/submissions', 'get'],
      ['/api/moderation/submissions/{id}', 'get'],
      ['/api/moderation/submissions/{id}/approve', 'post'],
      ['/api/moderation/submissions/{id}/reject', 'post'],
      ['/api/moderation/audit', 'get'],
      ['/api/openapi.json', 'get'],
    ];
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation!.responses).length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(Object.keys(doc.paths['/api/submissions']!.post!.responses)).toEqual(expect.arrayContaining(['202', '400', '413', '429']));
  });

  it('takes its schemas from the routes: the submission envelope and every initiative field', () => {
    const request = doc.components.schemas.SubmissionRequest;
    expect(request).toBeDefined();
    expect(Object.keys(request!.properties ?? {})).toEqual(expect.arrayContaining(['type', 'targetId', 'initiative', 'message', 'submitter', 'website']));
    const fields = doc.components.schemas.InitiativeFields;
    expect(fields).toBeDefined();
    expect(Object.keys(fields!.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'kind', 'summary', 'services', 'publics', 'address', 'geo', 'hours']),
    );
    expect(fields!.required).toEqual(expect.arrayContaining(['name', 'kind', 'summary', 'address', 'geo']));
    expect(JSON.stringify(fields)).toContain('aide-demarches-administratives');
  });
});
