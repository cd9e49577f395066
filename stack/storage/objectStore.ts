import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { STORAGE_ERRORS } from './storageError.ts';

/** Bytes received into a temp file, not yet in place. */
export interface ReceivedBytes {
  tempPath: string;
  size: number;
  /** Storage's eTag: the MD5 of the bytes, quoted. */
  eTag: string;
}

/**
 * The object bytes on disk, under the target's data folder. A file is named after the row's
 * `version` (a server-made UUID), never after the user's object name, so no name can reach
 * outside the folder; moving an object changes its row only. Uploads stream into `tmp/` and are
 * renamed into `objects/` once their row is committed.
 */
export class ObjectStore {
  /** `tmp/`, made on first use: the folder is the server's own, so once is enough. */
  private tempDir: Promise<string> | undefined;

  constructor(
    readonly root: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Streams `source` to a temp file, counting and hashing; over `limit` bytes it stops, removes the file and throws EntityTooLarge. */
  async receive(source: Readable, limit: number): Promise<ReceivedBytes> {
    const tempPath = await this.tempPath();
    const hash = createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(STORAGE_ERRORS.entityTooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(tempPath, { mode: 0o600 }));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, size, eTag: `"${hash.digest('hex')}"` };
  }

  /** A temp copy of a stored version (the bytes of an object copy, placed like an upload). */
  async copyToTemp(version: string): Promise<string> {
    const tempPath = await this.tempPath();
    await copyFile(this.versionPath(version), tempPath);
    return tempPath;
  }

  /** Moves received bytes into place as `version`; its folder is made only when the rename finds none. */
  async place(tempPath: string, version: string): Promise<void> {
    const target = this.versionPath(version);
    try {
      await rename(tempPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(tempPath, target);
    }
  }

  discard(tempPath: string): Promise<void> {
    return rm(tempPath, { force: true });
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

  /** The stored size, or undefined when the version has no bytes (its row committed, the rename not yet done). */
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

  private async tempPath(): Promise<string> {
    const dir = path.join(this.root, 'tmp');
    this.tempDir ??= mkdir(dir, { recursive: true, mode: 0o700 }).then(
      () => dir,
      (error: unknown) => {
        this.tempDir = undefined;
        throw error;
      },
    );
    return path.join(await this.tempDir, `${randomUUID()}.part`);
  }
}
