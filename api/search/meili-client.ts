// A Meilisearch client with a keep-alive node:http transport. The JS client's default
// fetch transport stalls ~45 ms per POST on loopback (measured, see the brief); this one
// answers in the time Meilisearch takes. Connection failures become `SearchUnavailable`.
import http from 'node:http';
import https from 'node:https';
import { Meilisearch } from 'meilisearch';

export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
}

/** An error answered by Meilisearch itself (bad filter, missing index…). */
export class MeiliApiError extends Error {
  override name = 'MeiliApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/** One exchange with Meilisearch over the shared keep-alive agents; the JSON answer, or a typed error. */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<unknown> {
  const lib = url.protocol === 'https:' ? https : http;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(parsed);
        const err = (parsed ?? {}) as { code?: string; message?: string };
        reject(new MeiliApiError(status, err.code ?? 'unknown', err.message ?? `HTTP ${status}`));
      });
      res.on('error', (e) => reject(new SearchUnavailable(e.message)));
    });
    req.setNoDelay(true);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof MeiliApiError ? e : new SearchUnavailable(e.message)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function transport(timeoutMs: number) {
  return (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    return exchange(url, init?.method ?? 'GET', headers, typeof init?.body === 'string' ? init.body : undefined, timeoutMs);
  };
}

/**
 * The search path, without the JS client's per-call work (URL and Headers objects): a POST
 * of a JSON body to a path of Meilisearch, the answer parsed. Used for every query a search
 * sends; the client (below) for everything else.
 */
export type MeiliPost = (path: string, body: unknown) => Promise<unknown>;

export function createMeiliPost(host: string, apiKey: string, timeoutMs = 10_000): MeiliPost {
  const base = host.replace(/\/+$/, '');
  return (path, body) =>
    exchange(new URL(`${base}${path}`), 'POST', { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, JSON.stringify(body), timeoutMs);
}

export function createMeiliClient(host: string, apiKey: string, timeoutMs = 10_000): Meilisearch {
  return new Meilisearch({ host, apiKey, httpClient: transport(timeoutMs) });
}

/** The original error behind the client's wrapper, so callers can tell outage from bad request. */
export function rootCause(e: unknown): unknown {
  let current = e;
  for (let i = 0; i < 5 && current instanceof Error && current.cause; i++) current = current.cause;
  return current;
}

export function isUnavailable(e: unknown): boolean {
  return rootCause(e) instanceof SearchUnavailable;
}
