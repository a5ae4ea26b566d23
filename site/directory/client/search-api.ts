// The directory search's one call: GET /api/search with a state's query, and its answer
// checked just enough to render safely (results, a 400 with its plain-French message and
// fields, or "unavailable" for anything else, offline included). `readAnswer` is pure and
// tested in node; `load` only adds fetch (present on every phone the search starts on).
import type { Result } from './search-text.ts';

export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type Outcome = { ok: true; result: Result } | { ok: false; status: number; error: ApiError | null };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isResult(x: unknown): x is Result {
  return isObject(x) && Array.isArray(x.hits) && typeof x.total === 'number' && isObject(x.facets);
}

function apiError(x: unknown): ApiError | null {
  if (!isObject(x) || !isObject(x.error) || typeof x.error.message !== 'string') return null;
  return x.error as unknown as ApiError;
}

/** What an answer means for the page (status 0: no answer at all). */
export function readAnswer(ok: boolean, status: number, body: unknown): Outcome {
  if (ok && isResult(body)) return { ok: true, result: body };
  return { ok: false, status, error: apiError(body) };
}

export async function load(query: string): Promise<Outcome> {
  try {
    const response = await fetch(`/api/search?${query}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    const body: unknown = await response.json().catch(() => null);
    return readAnswer(response.ok, response.status, body);
  } catch {
    return readAnswer(false, 0, null);
  }
}
