import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The end of a text file: its last complete lines, and what reading them cost. */
export interface FileTail {
  /** Up to `maxLines` lines, oldest first, without their newlines; a torn last line is included. */
  readonly lines: string[];
  /** Bytes read from the file (the tail only, however long the file is). */
  readonly bytesRead: number;
  /** The file's size in bytes. */
  readonly size: number;
  /** False when the file ends inside a line (a crash or a full disk tore its last write). */
  readonly endsWithNewline: boolean;
}

const chunkBytes = 64 * 1024;

/**
 * Reads the last `maxLines` non-empty lines of `filePath` backwards in 64 KB chunks, so opening a
 * long file costs what its tail holds, not its size. Throws like `openSync` when the file is missing.
 */
export function readTail(filePath: string, maxLines: number): FileTail {
  const fd = openSync(filePath, 'r');
  try {
    const size = fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let position = size;
    let newlines = 0;
    // One newline more than lines wanted: the line before the first kept one must end inside what was read.
    while (position > 0 && newlines <= maxLines) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, position);
      chunks.unshift(chunk);
      for (const byte of chunk) if (byte === 0x0a) newlines += 1;
    }
    const bytes = Buffer.concat(chunks);
    const all = bytes.toString('utf8').split('\n');
    // Reading began mid-file: the first piece is the end of a line whose start was not read.
    if (position > 0) all.shift();
    const lines = all.filter((line) => line.trim() !== '').slice(-maxLines);
    return { lines, bytesRead: bytes.length, size, endsWithNewline: size === 0 || bytes[bytes.length - 1] === 0x0a };
  } finally {
    closeSync(fd);
  }
}
