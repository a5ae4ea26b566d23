// One logger for the server and scripts: JSON lines in production, quiet in tests.
import { type Logger, pino } from 'pino';

export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info');
  return pino({ level, base: { app: 'passerelle' } });
}
export type { Logger };
