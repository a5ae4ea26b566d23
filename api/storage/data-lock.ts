// One writer per data directory: a lock file holding the server's pid. A second server on
// the same .data/ refuses to start with a clear message; a lock left by a crashed server
// (its pid is gone) is taken over.
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

/** Takes the lock of `dataDir`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, 'passerelle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DataLockError(
          `${dataDir} is already used by another Passerelle server (pid ${pid}). Stop it first, or give this one its own PASSERELLE_DATA_DIR.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock from a crashed server
    }
  }
  throw new DataLockError(`Could not take the lock ${file}.`);
}
