import { randomBytes } from 'node:crypto';

/** `size` bytes that start and end as a JPEG does (SOI/APP0 … EOI), random in between: a phone screenshot's stand-in. */
export function fakeJpeg(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(bytes, 0);
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9;
  return bytes;
}
