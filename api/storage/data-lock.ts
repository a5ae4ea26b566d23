// One writer per data directory: a lock file holding the server's pid (and, on Linux, when
// that process started). A second server on the same .data/ refuses to start with a clear
// message; a lock left by a crashed server is taken over: its pid is gone, or now belongs
// to another program that started later (pids are reused, quickly on a busy machine).
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-dir.ts';

export class DataLockError extends Error {
  override name = 'DataLockError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When `pid` started, in clock ticks since boot (Linux), or undefined where /proc is absent. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After « pid (command) »: the state is field 3, the start time field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the lock's writer still runs: its pid is alive and started when the lock says. */
function holderRuns(pid: number, started: string | undefined): boolean {
  if (!alive(pid)) return false;
  const now = started === undefined ? undefined : processStart(pid);
  return now === undefined || now === started;
}

/** Takes the lock of `dataDir`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, 'passerelle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const started = processStart(process.pid);
      fs.writeFileSync(file, started ? `${process.pid} ${started}` : String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim().split(' ')[0] === String(process.pid)) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText, started] = fs.readFileSync(file, 'utf8').trim().split(' ');
      const pid = Number(pidText);
      if (pid && pid !== process.pid && holderRuns(pid, started)) {
        throw new DataLockError(
          `${dataDir} is already used by another Passerelle server (pid ${pid}). Stop it first, or give this one its own PASSERELLE_DATA_DIR.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock from a crashed server
    }
  }
  throw new DataLockError(`Could not take the lock ${file}.`);
}
