/**
 * A ZIP archive of a folder, written without a zip program or an npm package: each file deflated
 * with `node:zlib` (`deflateRawSync`, checksummed with its `crc32`), in the PKWARE format
 * (APPNOTE 6.3.x: local headers, central directory, end record; no ZIP64, so under 4 GB and
 * 65,535 entries). Entries are sorted and stamped with one fixed time, so the same folder gives the
 * same bytes.
 *
 * @module
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path).split("\\").join("/")];
  });
}

/** MS-DOS date and time of 2026-01-01 00:00 (the archive's fixed time stamp). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * Writes `dir`'s files into the ZIP archive `zipFile`, under the folder name `prefix` (so that
 * unpacking gives one folder), leaving out the paths `exclude` returns true for. Written to a
 * temporary file and renamed.
 * @returns the number of files and the archive's size in bytes.
 * @throws {RangeError} if the archive would need ZIP64 (over 4 GB or 65,535 files).
 * @example zipFolder("site", "site/smallness-site.zip", "smallness-site", (p) => p.endsWith(".zip"))
 */
export function zipFolder(
  dir: string,
  zipFile: string,
  prefix: string,
  exclude: (path: string) => boolean = () => false,
): { files: number; bytes: number } {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const files = filesUnder(dir).filter((p) => !exclude(p));
  if (files.length > 0xffff) throw new RangeError(`\`dir\` must hold at most 65535 files, got ${files.length}`);
  for (const path of files) {
    const data = readFileSync(join(dir, path));
    const packed = deflateRawSync(data, { level: 9 });
    const name = new TextEncoder().encode(`${prefix}/${path}`);
    const crc = crc32(data) >>> 0;
    const header = (size: number): DataView => new DataView(new ArrayBuffer(size + name.length));
    // local file header (30 bytes + name)
    const local = header(30);
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 8, true); // deflate
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    new Uint8Array(local.buffer).set(name, 30);
    // central directory header (46 bytes + name)
    const entry = header(46);
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 0x0314, true); // made by: Unix, 2.0
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, 8, true);
    entry.setUint16(12, DOS_TIME, true);
    entry.setUint16(14, DOS_DATE, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, packed.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    entry.setUint32(42, offset, true);
    new Uint8Array(entry.buffer).set(name, 46);
    locals.push(new Uint8Array(local.buffer), packed);
    central.push(new Uint8Array(entry.buffer));
    offset += local.byteLength + packed.length;
    if (offset > 0xffffffff) throw new RangeError(`\`dir\` must hold under 4 GB, got more than ${offset} bytes`);
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...central, new Uint8Array(end.buffer)];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  const tmp = `${zipFile}.${Deno.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, zipFile);
  return { files: files.length, bytes: bytes.length };
}
