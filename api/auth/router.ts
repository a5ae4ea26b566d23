// /api/auth: login (rate-limited per IP), logout, current session — HTTP only — and the
// guard of moderator routes: a session cookie (HttpOnly, SameSite=Strict) and, on every
// state-changing call, the session's CSRF token in the X-CSRF-Token header.
import crypto from 'node:crypto';
import { type Request, type RequestHandler, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http/errors.ts';
import { type AuthService, SESSION_HOURS, type Session } from './service.ts';

export const SESSION_COOKIE = 'passerelle_session';

export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a malformed cookie is no session (401), never a crash
    }
  }
  return undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    moderator?: Session;
  }
}

/** The session the guard put on the request (routes behind `requireModerator` only). */
export function moderatorOf(req: Request): Session {
  if (!req.moderator) throw new HttpError(401, 'unauthenticated', 'Connectez-vous pour modérer.');
  return req.moderator;
}

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Refuses without a session (401) and, unless GET/HEAD, without the CSRF token (403). */
export function requireModerator(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const session = await auth.session(sessionCookie(req));
    if (!session) return next(new HttpError(401, 'unauthenticated', 'Connectez-vous pour modérer.'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const token = req.get('x-csrf-token') ?? '';
      if (!same(token, session.csrf)) return next(new HttpError(403, 'csrf', 'Jeton de sécurité manquant ou invalide : rechargez la page et réessayez.'));
    }
    req.moderator = session;
    next();
  };
}

export function authRouter(auth: AuthService, { loginLimit = 20 }: { loginLimit?: number } = {}): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: loginLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'too_many_requests', message: 'Trop de tentatives de connexion. Réessayez dans quelques minutes.' } });
    },
  });
  router.post('/login', limiter, async (req, res) => {
    const body = (req.body ?? {}) as { email?: unknown; password?: unknown };
    const { sessionId, csrf, email } = await auth.login(body.email, body.password, req.ip);
    res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_HOURS * 3_600_000 });
    res.set('Cache-Control', 'no-store').json({ email, csrfToken: csrf });
  });
  router.get('/session', requireModerator(auth), (req, res) => {
    const session = moderatorOf(req);
    res.set('Cache-Control', 'no-store').json({ email: session.email, csrfToken: session.csrf });
  });
  router.post('/logout', requireModerator(auth), async (req, res) => {
    await auth.logout(sessionCookie(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });
  return router;
}
