// The desk's calls to /api: same-origin, JSON, the session's CSRF token on every state
// change; an error comes back as the API's French message and field errors.
import type { ApiErrorBody } from '../../../core/wire/errors.ts';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields: Record<string, string> };

export async function callApi<T>(csrf: string | null, method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, message: 'Le serveur ne répond pas : vérifiez la connexion et réessayez.', fields: {} };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const data = (await res.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
  if (!res.ok) return { ok: false, status: res.status, message: data.error?.message ?? 'Une erreur est survenue.', fields: data.error?.fields ?? {} };
  return { ok: true, data };
}

/** « 12 mars 2026 à 14:05 » in Brussels. */
export const when = (iso: string) => new Date(iso).toLocaleString('fr-BE', { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' });
