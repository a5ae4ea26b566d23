// Moderator accounts in .data/moderators.json: e-mail and argon2id hash, created by the
// CLI only (npm run moderator). Wrong passwords are throttled by the auth service, not here.
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { JsonStore } from '../storage/json-store.ts';

export interface Moderator {
  email: string;
  passwordHash: string;
  createdAt: string;
  /** Older files kept a per-account counter here; it is no longer used. */
  failures?: number;
}

export interface ModeratorsData {
  moderators: Moderator[];
}

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

export function openModerators(dataDir: string): Promise<JsonStore<ModeratorsData>> {
  return JsonStore.open<ModeratorsData>(path.join(dataDir, 'moderators.json'), { moderators: [] });
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
