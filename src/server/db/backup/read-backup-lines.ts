import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupError, MAX_LINE_BYTES } from './backup-format.ts';

/**
 * The lines of a gzip'd backup, parsed, one at a time: memory holds one line at most, and a
 * line longer than MAX_LINE_BYTES stops the read instead of growing. A last line without its
 * newline, or a gzip stream that ends early, is a file cut short.
 */
export async function* readBackupLines(file: string): AsyncGenerator<unknown> {
  const input = createReadStream(file).pipe(createGunzip());
  let pending: Buffer[] = [];
  let size = 0;
  let number = 0;
  const parse = (bytes: Buffer): unknown => {
    number += 1;
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new BackupError(`line ${number} of the backup is not JSON: the file is damaged`);
    }
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const line = pending.length ? Buffer.concat([...pending, chunk.subarray(start, end)]) : chunk.subarray(start, end);
        pending = [];
        size = 0;
        start = end + 1;
        if (line.length > MAX_LINE_BYTES) throw new BackupError(`line ${number + 1} of the backup is longer than ${MAX_LINE_BYTES} bytes`);
        yield parse(line);
      }
      const rest = chunk.subarray(start);
      size += rest.length;
      if (size > MAX_LINE_BYTES) throw new BackupError(`line ${number + 1} of the backup is longer than ${MAX_LINE_BYTES} bytes`);
      if (rest.length) pending.push(rest);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
    throw new BackupError(`the backup is not a complete gzip file (${(error as Error).message}): it was cut short or damaged`);
  } finally {
    input.destroy();
  }
  if (size > 0) throw new BackupError('the backup ends in the middle of a line: it was cut short');
}
