// A moderator account for tests (made like the CLI makes it) and a logged-in client:
// session cookie and CSRF token on every call.
import { hashPassword, openModerators } from '../../api/auth/moderators.ts';
import { getJson } from './server.ts';

export interface ModeratorClient {
  call(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function loginModerator(
  baseUrl: string,
  dataDir: string,
  email = 'marie@charleroi.be',
  password = 'un mot de passe solide',
): Promise<ModeratorClient> {
  const store = await openModerators(dataDir);
  if (!store.data.moderators.some((m) => m.email === email)) {
    const passwordHash = await hashPassword(password);
    await store.update((d) => d.moderators.push({ email, passwordHash, createdAt: new Date().toISOString(), failures: 0 }));
  }
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    call: (method, url, body) =>
      getJson(`${baseUrl}${url}`, {
        method,
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
