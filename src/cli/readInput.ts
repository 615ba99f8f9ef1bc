import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_SCENARIO_FILE_BYTES } from '../ui/export/scenarioFile.ts';

// Reads a scenario file, or standard input for "-", without ever holding more than the limit
// (issue 10, item 7): a scenario is a few kB and the limit (256 kB, the browser import's) leaves
// room for any real one, so /dev/zero or a 300 MB file is refused after reading 256 kB + 1 byte.

export const MAX_INPUT_BYTES = MAX_SCENARIO_FILE_BYTES;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const CHUNK = 64 * 1024;

function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a scenario file';
  return `cannot read (${code ?? (error as Error).message})`;
}

/** The bytes of `path` ("-" = standard input), or why not. */
export function readInput(path: string): ReadResult {
  let fd: number;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
  } catch (error) {
    return { ok: false, error: describeOpenError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, error: 'is a directory, not a scenario file' };
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) {
      return { ok: false, error: tooLarge(`${stat.size.toLocaleString('en-US')} bytes`) };
    }
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, Math.min(CHUNK, buffer.length - length), null);
      if (read === 0) break;
      length += read;
      if (length > MAX_INPUT_BYTES) return { ok: false, error: tooLarge(null) };
    }
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { ok: false, error: describeOpenError(error) };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

const limit = `${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes`;
/** `size` null: a stream that went on past the limit (its length is unknown). */
const tooLarge = (size: string | null) =>
  `too large to be a scenario file (${size === null ? `more than ${limit}` : `${size}; at most ${limit}`})`;
