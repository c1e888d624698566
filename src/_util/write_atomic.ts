/**
 * Writing a file atomically (a private utility: used by the figure and table exporter and by
 * `scripts/`; the only module under `src/_util/` that touches the file system).
 *
 * @module
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import process from "node:process";

/**
 * Writes `data` to `path` through a temporary file in the same folder and a rename, so that the file is
 * always either the old or the new one (an interruption leaves no half-written file).
 * @throws {Error} in one line naming the path and the cause when it cannot be written, e.g.
 *   "cannot write figures/x.svg (ENOSPC: no space left on device); the file is as it was".
 * @example writeAtomic("README.md", "# smallness\n")
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const cause = err.code === "ENOSPC" ? "ENOSPC: no space left on device" : err.code ?? err.message;
    throw new Error(`cannot write ${path} (${cause}); the file is as it was`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
