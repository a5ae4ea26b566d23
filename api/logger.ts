// One logger for the server and scripts: JSON lines in production, quiet in tests.
// The levels are listed here so the environment check (api/config/env.ts) refuses an
// unknown LOG_LEVEL before pino would throw on it.
import { type Logger, pino } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(env: Readonly<Record<string, string | undefined>> = process.env): Logger {
  const level = env.LOG_LEVEL || (env.VITEST ? 'silent' : 'info');
  return pino({ level, base: { app: 'passerelle' } });
}
export type { Logger };
