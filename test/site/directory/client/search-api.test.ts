// How the directory search reads an answer of /api/search, in node: results when they
// look like results, the error body of a refusal, nothing usable otherwise.
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../../site/directory/client/search-api.ts';

const results = { hits: [], total: 0, page: 1, limit: 20, facets: { kind: [], service: [], public: [], commune: [] } };

describe('readAnswer', () => {
  it('takes a 200 with hits, a total and facets as results', () => {
    expect(readAnswer(true, 200, results)).toEqual({ ok: true, result: results });
  });

  it('keeps the message and fields of a refusal', () => {
    const error = { code: 'unknown_place', message: 'Nous ne trouvons pas « x ».', fields: { near: 'Lieu inconnu.' } };
    expect(readAnswer(false, 400, { error })).toEqual({ ok: false, status: 400, error });
  });

  it.each([
    ['a 200 that is not results', true, 200, { hits: 'none', total: 0, facets: {} }],
    ['a 200 without facets', true, 200, { hits: [], total: 0 }],
    ['an HTML error page', false, 502, '<html>Bad gateway</html>'],
    ['an error without a message', false, 503, { error: { code: 'search_unavailable' } }],
    ['no answer at all (offline)', false, 0, null],
  ])('has no result nor error for %s', (_what, ok, status, body) => {
    expect(readAnswer(ok, status, body)).toEqual({ ok: false, status, error: null });
  });
});
