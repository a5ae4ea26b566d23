// Moderator sessions: login with argon2id verification and a lockout (after MAX_FAILURES
// wrong passwords in a row the account is locked for LOCK_MINUTES, even for the right
// password), opaque session ids stored hashed, a CSRF token per session, logout.
import crypto from 'node:crypto';
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
}

export interface SessionsData {
  sessions: Session[];
}

export interface AuthService {
  login(email: unknown, password: unknown): Promise<{ sessionId: string; csrf: string; email: string }>;
  /** The session of a cookie value, or undefined. */
  session(sessionId: string | undefined): Session | undefined;
  logout(sessionId: string | undefined): Promise<void>;
}

const sha = (v: string) => crypto.createHash('sha256').update(v).digest('base64url');
const badLogin = () => new HttpError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

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
  return {
    async login(emailValue, passwordValue) {
      if (typeof emailValue !== 'string' || typeof passwordValue !== 'string' || passwordValue.length > 1024) throw badLogin();
      const email = normalizeEmail(emailValue);
      await moderators.reload();
      const account = moderators.data.moderators.find((m) => m.email === email);
      if (!account) {
        await verifyPassword(await dummyHash(), passwordValue).catch(() => false);
        throw badLogin();
      }
      if (account.lockedUntil && new Date(account.lockedUntil) > now()) {
        throw new HttpError(423, 'account_locked', `Trop d'essais : ce compte est bloqué pendant ${LOCK_MINUTES} minutes. Réessayez plus tard.`);
      }
      const ok = await verifyPassword(account.passwordHash, passwordValue).catch(() => false);
      if (!ok) {
        const locked = await moderators.update((d) => {
          const m = d.moderators.find((x) => x.email === email);
          if (!m) return false;
          m.failures = (m.failures ?? 0) + 1;
          if (m.failures >= MAX_FAILURES) {
            m.lockedUntil = new Date(now().getTime() + LOCK_MINUTES * 60_000).toISOString();
            m.failures = 0;
            return true;
          }
          return false;
        });
        if (locked) logger.warn({ email }, 'moderator account locked after repeated wrong passwords');
        throw badLogin();
      }
      await moderators.update((d) => {
        const m = d.moderators.find((x) => x.email === email);
        if (m) {
          m.failures = 0;
          delete m.lockedUntil;
        }
      });
      const sessionId = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      await sessions.update((d) => {
        d.sessions = d.sessions.filter((s) => new Date(s.expiresAt) > now());
        d.sessions.push({ idHash: sha(sessionId), email, csrf, expiresAt: new Date(now().getTime() + SESSION_HOURS * 3_600_000).toISOString() });
      });
      return { sessionId, csrf, email };
    },

    session(sessionId) {
      if (!sessionId) return undefined;
      const idHash = sha(sessionId);
      const s = sessions.data.sessions.find((x) => x.idHash === idHash);
      if (!s || new Date(s.expiresAt) <= now()) return undefined;
      // The account may have been removed by the CLI since.
      return moderators.data.moderators.some((m) => m.email === s.email) ? s : undefined;
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
