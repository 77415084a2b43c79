/** Directory fsync, shared by the server's atomic writes and `netstage edit --in-place`. */
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';

/** fsync a directory so a rename or unlink in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  // Best effort: the data itself is already durable, and some file systems refuse to fsync a
  // directory; failing the request after the rename happened would misreport what is on disk.
  try {
    const d = await fsp.open(dir, fsc.O_RDONLY | fsc.O_DIRECTORY);
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* ignore */
  }
}
