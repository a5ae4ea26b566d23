// The server's own records (submission queue, archive, moderators, sessions, audit log)
// as lowdb JSON files under .data/ (0600, in a 0700 folder). Writes go through a temp file,
// an fsync and a rename, so a crash never leaves half a file; they are serialised per file
// and grouped.
import fs from 'node:fs';
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { writeFileAtomicAsync } from '../../core/atomic-file.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir.ts';

/**
 * lowdb's file adapter, private and durable: written beside then renamed (a crash never
 * leaves half a file), flushed to disk before the rename, mode 0600.
 */
class PrivateJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await fs.promises.readFile(this.file, 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  write(data: T): Promise<void> {
    return writeFileAtomicAsync(this.file, JSON.stringify(data, null, 2), { mode: PRIVATE_FILE_MODE, durable: true });
  }
}

export class JsonStore<T extends object> {
  private readonly db: Low<T>;
  /** The last write started (or done). */
  private current: Promise<void> = Promise.resolve();
  /** A write scheduled after `current`, not started yet: later changes join it. */
  private next: Promise<void> | null = null;

  private constructor(
    db: Low<T>,
    /** The file on disk. */
    readonly file: string,
  ) {
    this.db = db;
  }

  static async open<T extends object>(file: string, initial: T): Promise<JsonStore<T>> {
    ensurePrivateDir(path.dirname(file));
    // Files made by an older version were 0644: tighten them.
    if (fs.existsSync(file) && (fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
    const db = new Low<T>(new PrivateJsonFile<T>(file), initial);
    await db.read();
    db.data ??= structuredClone(initial);
    return new JsonStore(db, file);
  }

  /** The data (do not mutate; use `update`). */
  get data(): T {
    return this.db.data;
  }

  /** Reads the file again (another process, such as a CLI, may have changed it). */
  async reload(): Promise<void> {
    // Let pending writes finish (never start one: that would overwrite the other's change).
    await (this.next ?? this.current).catch(() => undefined);
    await this.db.read();
  }

  /**
   * Applies `change` at once (changes are applied in call order) and resolves once a
   * write that includes it is on disk. Changes arriving while a write runs are written
   * together by the next one (group commit): one file write per burst, not per change.
   */
  update<R>(change: (data: T) => R): Promise<R> {
    let result: R;
    try {
      result = change(this.db.data);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.flush().then(() => result);
  }

  private flush(): Promise<void> {
    if (this.next) return this.next;
    const write = this.current.then(() => {
      this.next = null;
      return this.db.write();
    });
    this.next = write;
    this.current = write.catch(() => undefined);
    return write;
  }
}
