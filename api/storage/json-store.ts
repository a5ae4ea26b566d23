// The server's own records (submission queue, archive, moderators, sessions, audit log)
// as lowdb JSON files under .data/. lowdb writes through a temp file and a rename, so a
// crash never leaves half a file; writes are serialised per file and grouped.
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export class JsonStore<T extends object> {
  private readonly db: Low<T>;
  /** The last write started (or done). */
  private current: Promise<void> = Promise.resolve();
  /** A write scheduled after `current`, not started yet: later changes join it. */
  private next: Promise<void> | null = null;

  private constructor(db: Low<T>) {
    this.db = db;
  }

  static async open<T extends object>(file: string, initial: T): Promise<JsonStore<T>> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Low<T>(new JSONFile<T>(file), initial);
    await db.read();
    db.data ??= structuredClone(initial);
    return new JsonStore(db);
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
