import { Readable } from 'node:stream';
import type { ProofFile } from './proofFiles.ts';

const CHUNK = 64 * 1024;

/** What each type starts and ends with, so the bytes look like the file they stand for. */
const FRAMES: Record<ProofFile['mime'], { head: Buffer; tail: Buffer }> = {
  'image/jpeg': { head: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), tail: Buffer.from([0xff, 0xd9]) },
  'image/png': { head: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail: Buffer.from('IEND\xaeB`\x82', 'latin1') },
  'application/pdf': { head: Buffer.from('%PDF-1.4\n'), tail: Buffer.from('\n%%EOF\n') },
};

/**
 * The bytes of a proof, derived from `seed` and made chunk by chunk as the socket asks for
 * them: a 50 MB file never sits whole in memory, and the same seed gives the same bytes
 * (the verification download is compared by length and its first and last bytes).
 */
export function proofBody(file: Pick<ProofFile, 'size' | 'mime'>, seed: number): Readable {
  const { head, tail } = FRAMES[file.mime];
  let offset = 0;
  // xorshift32: cheap, deterministic filler (compressible or not, Storage stores it as is).
  let state = seed >>> 0 || 0x9e3779b9;
  return new Readable({
    read() {
      if (offset >= file.size) return void this.push(null);
      const length = Math.min(CHUNK, file.size - offset);
      const chunk = Buffer.allocUnsafe(length);
      for (let i = 0; i + 4 <= length; i += 4) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        chunk.writeUInt32LE(state >>> 0, i);
      }
      for (let i = length - (length % 4); i < length; i++) chunk[i] = 0;
      for (let i = 0; i < head.length && offset + i < head.length; i++) chunk[i] = head[offset + i]!;
      const tailStart = file.size - tail.length;
      for (let i = Math.max(0, tailStart - offset); i < length; i++) chunk[i] = tail[offset + i - tailStart]!;
      offset += length;
      this.push(chunk);
    },
  });
}
