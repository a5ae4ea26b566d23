// A logger that keeps its lines in memory, so tests can check what was logged (and with
// which plugin name) without parsing pino's output.
import { pino } from 'pino';
import type { HostLogger } from '../../plugins/api/host.ts';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg?: string;
  [key: string]: unknown;
}

export function memoryLogger(lines: LogLine[] = [], bindings: object = {}): HostLogger & { lines: LogLine[] } {
  const log = (level: LogLine['level']) => (obj: object, msg?: string) => {
    lines.push({ ...bindings, ...obj, level, ...(msg ? { msg } : {}) });
  };
  return {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more: object) => memoryLogger(lines, { ...bindings, ...more }),
  };
}

/** A real pino logger (for startServer) whose JSON lines are kept in memory. */
export function capturingPino(): { logger: import('pino').Logger; lines: () => LogLine[] } {
  const raw: string[] = [];
  const stream = { write: (line: string) => void raw.push(line) };
  const logger = pino({ level: 'debug' }, stream);
  const levels: Record<number, LogLine['level']> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'error' };
  const parse = (line: string): LogLine => {
    const record = JSON.parse(line) as Record<string, unknown>;
    return { ...record, level: levels[Number(record.level)] ?? 'info' };
  };
  return { logger, lines: () => raw.map(parse) };
}
