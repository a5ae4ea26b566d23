// Moderator sessions: login with argon2id verification, opaque session ids stored hashed, a
// CSRF token per session, logout. Wrong passwords are throttled per account and connection
// (5 in a row → 15 minutes for that pair), the same for unknown accounts, so the answer
// never tells who is a moderator and nobody can lock a moderator out from elsewhere. A
// session ends within a second when its moderator is removed or changes password (the CLI
// edits the accounts file; each check sees the change).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HttpError } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { JsonStore } from '../storage/json-store.ts';
import { hashPassword, type ModeratorsData, normalizeEmail, verifyPassword } from './moderators.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 8;

export interface Session {
  idHash: string;
  email: string;
  csrf: string;
  expiresAt: string;
  /** A digest of the password hash at login: a changed password ends the session. */
  credential?: string;
}

export interface SessionsData {
  sessions: Session[];
}

export interface AuthService {
  /** `from` identifies the connection (its IP) for throttling wrong passwords. */
  login(email: unknown, password: unknown, from?: string): Promise<{ sessionId: string; csrf: string; email: string }>;
  /** The session of a cookie value, or undefined (expired, logged out, moderator removed or password changed). */
  session(sessionId: string | undefined): Promise<Session | undefined>;
  logout(sessionId: string | undefined): Promise<void>;
}

const sha = (v: string) => crypto.createHash('sha256').update(v).digest('base64url');
const credentialOf = (passwordHash: string) => sha(passwordHash).slice(0, 22);
const badLogin = () => new HttpError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
const throttled = () => new HttpError(429, 'too_many_attempts', `Trop d'essais pour ce compte depuis cette connexion. Réessayez dans ${LOCK_MINUTES} minutes.`);

export function openSessions(dataDir: string): Promise<JsonStore<SessionsData>> {
  return JsonStore.open<SessionsData>(path.join(dataDir, 'sessions.json'), { sessions: [] });
}

export function createAuthService(
  moderators: JsonStore<ModeratorsData>,
  sessions: JsonStore<SessionsData>,
  logger: Logger,
  now = () => new Date(),
): AuthService {
  // A hash to verify against for unknown accounts, so timing does not tell them apart.
  let dummy: Promise<string> | undefined;
  const dummyHash = () => (dummy ??= hashPassword(crypto.randomBytes(16).toString('hex')));
  // Wrong passwords per account and connection, in memory: { count, until }.
  const failures = new Map<string, { count: number; until?: number }>();

  // The accounts file is changed by the CLI (another process): re-read it when it changed.
  let seen = '';
  async function freshModerators(): Promise<ModeratorsData> {
    const stat = fs.statSync(moderators.file, { throwIfNoEntry: false });
    const stamp = stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'absent';
    if (stamp !== seen) {
      await moderators.reload();
      seen = stamp;
    }
    return moderators.data;
  }

  return {
    async login(emailValue, passwordValue, from = 'unknown') {
      if (typeof emailValue !== 'string' || typeof passwordValue !== 'string' || passwordValue.length > 1024) throw badLogin();
      const email = normalizeEmail(emailValue);
      const key = `${email}\u0000${from}`;
      const state = failures.get(key);
      if (state?.until && state.until > now().getTime()) throw throttled();
      const account = (await freshModerators()).moderators.find((m) => m.email === email);
      let ok = false;
      if (account) ok = await verifyPassword(account.passwordHash, passwordValue).catch(() => false);
      else await verifyPassword(await dummyHash(), passwordValue).catch(() => false); // same time either way
      if (!account || !ok) {
        const count = (state?.until ? 0 : (state?.count ?? 0)) + 1;
        if (count >= MAX_FAILURES) {
          failures.set(key, { count: 0, until: now().getTime() + LOCK_MINUTES * 60_000 });
          logger.warn({ from }, 'repeated wrong passwords for one account from one connection: throttled');
        } else failures.set(key, { count });
        if (failures.size > 10_000) failures.clear();
        throw badLogin();
      }
      failures.delete(key);
      const sessionId = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      await sessions.update((d) => {
        d.sessions = d.sessions.filter((s) => new Date(s.expiresAt) > now());
        d.sessions.push({
          idHash: sha(sessionId),
          email,
          csrf,
          expiresAt: new Date(now().getTime() + SESSION_HOURS * 3_600_000).toISOString(),
          credential: credentialOf(account.passwordHash),
        });
      });
      return { sessionId, csrf, email };
    },

    async session(sessionId) {
      if (!sessionId) return undefined;
      const idHash = sha(sessionId);
      const s = sessions.data.sessions.find((x) => x.idHash === idHash);
      if (!s || new Date(s.expiresAt) <= now()) return undefined;
      // The account may have been removed, or its password changed, by the CLI since.
      const account = (await freshModerators()).moderators.find((m) => m.email === s.email);
      if (!account || (s.credential && s.credential !== credentialOf(account.passwordHash))) return undefined;
      return s;
    },

    async logout(sessionId) {
      if (!sessionId) return;
      const idHash = sha(sessionId);
      await sessions.update((d) => {
        d.sessions = d.sessions.filter((s) => s.idHash !== idHash);
      });
    },
  };
}
