// Writing a file so that a reader (or a crash) never sees half of it: write beside, flush,
// then rename over. The one implementation for content files, rendered pages, exports
// and records.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of a new file (e.g. 0o600 for private records). */
  mode?: number;
  /** fsync the data before the rename (records that must survive a power cut). */
  durable?: boolean;
}

export function writeFileAtomic(file: string, content: string | Uint8Array, { mode, durable = false }: AtomicWriteOptions = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'w', mode ?? 0o644);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The same, without blocking the event loop (large records). */
export async function writeFileAtomicAsync(file: string, content: string | Uint8Array, { mode, durable = false }: AtomicWriteOptions = {}): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.promises.open(tmp, 'w', mode ?? 0o644);
  try {
    await handle.writeFile(content);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}
