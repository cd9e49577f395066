import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { STORAGE_ERRORS } from './storageError.ts';

/** Bytes received into their version's file, their row not yet written. */
export interface ReceivedBytes {
  version: string;
  size: number;
  /** Storage's eTag: the MD5 of the bytes, quoted. */
  eTag: string;
}

/** Chunks a receive buffers ahead of the disk, per upload: the socket keeps flowing while a write is out, and the writes batch (writev). Bounded, so memory stays flat. */
const WRITE_BUFFER = 1024 * 1024;

/**
 * The object bytes on disk, under the target's data folder. A file is named after the row's
 * `version` (a server-made UUID), never after the user's object name, so no name can reach
 * outside the folder; moving an object changes its row only. As Storage's file backend, an
 * upload streams straight into its version's file, before its row exists: no reader finds a
 * version until its row is committed, and a refused or failed upload removes its file again.
 */
export class ObjectStore {
  /** The `objects/xx` folders made so far: each is made once, on the first version it holds. */
  private readonly folders = new Map<string, Promise<void>>();

  constructor(
    readonly root: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Streams `source` into a new version, counting and hashing; over `limit` bytes it stops, removes the file and throws EntityTooLarge. */
  async receive(source: Readable, limit: number): Promise<ReceivedBytes> {
    const version = await this.newVersion();
    const hash = createHash('md5');
    let size = 0;
    const counter = new Transform({
      highWaterMark: WRITE_BUFFER,
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(STORAGE_ERRORS.entityTooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(this.versionPath(version), { mode: 0o600, highWaterMark: WRITE_BUFFER }));
    } catch (error) {
      await this.discard(version);
      throw error;
    }
    return { version, size, eTag: `"${hash.digest('hex')}"` };
  }

  /** A new version holding a copy of a stored one's bytes (an object copy, written like an upload). */
  async copy(sourceVersion: string): Promise<string> {
    const version = await this.newVersion();
    await copyFile(this.versionPath(sourceVersion), this.versionPath(version));
    return version;
  }

  /** Removes a version whose row was never written (a refused upload or copy). */
  discard(version: string): Promise<void> {
    return rm(this.versionPath(version), { force: true });
  }

  /**
   * Removes a version whose row is already gone (committed): a failure cannot undo that, so the
   * file left behind is logged rather than turned into an error for a change that happened.
   */
  async remove(version: string): Promise<void> {
    try {
      await rm(this.versionPath(version), { force: true });
    } catch (error) {
      this.log(`storage: the file of version ${version} stays on disk after its row went: ${(error as Error).message}`);
    }
  }

  /** The stored size, or undefined when the version has no bytes on disk. */
  async size(version: string): Promise<number | undefined> {
    try {
      return (await stat(this.versionPath(version))).size;
    } catch {
      return undefined;
    }
  }

  /** The bytes of a version, `end` inclusive. */
  open(version: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.versionPath(version), range);
  }

  private versionPath(version: string): string {
    if (!/^[0-9a-f-]{36}$/.test(version)) throw new Error(`not a stored version: ${version}`);
    return path.join(this.root, 'objects', version.slice(0, 2), version);
  }

  /** A fresh version whose folder exists. */
  private async newVersion(): Promise<string> {
    const version = randomUUID();
    const folder = path.dirname(this.versionPath(version));
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true, mode: 0o700 }).then(
        () => undefined,
        (error: unknown) => {
          this.folders.delete(folder);
          throw error;
        },
      );
      this.folders.set(folder, made);
    }
    await made;
    return version;
  }
}
