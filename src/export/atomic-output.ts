/**
 * Outputs a reader never sees half-written, and that leave no temporary file behind on any error.
 * A single file is written beside its target and renamed over it. A set of files (the CSVs) is
 * written whole into a temporary folder first — a full disk fails there, before any old file is
 * touched — and then swapped in: the old files are moved aside, the new ones moved in, and on a
 * failure in between the old ones are put back, so the folder holds either the old set or the new.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";

/** Thrown for an output path the user gave that cannot be used; `code` is stable for scripts. */
export class OutputPathError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code: "out_not_a_folder" | "out_is_a_folder",
  ) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** `dir` as an output folder: created when missing; an existing file there is a user error. */
export function ensureOutputDir(dir: string, option = "--out"): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new OutputPathError(
      `${dir} is a file, not a folder — give ${option} a folder (it is created if missing), e.g. ${option} output`,
      dir,
      "out_not_a_folder",
    );
  mkdirSync(dir, { recursive: true });
}

/** `file` as an output file: its folder is created; an existing folder there is a user error. */
export function ensureOutputFile(file: string, option = "--out", example = "report.html"): void {
  if (existsSync(file) && statSync(file).isDirectory())
    throw new OutputPathError(
      `${file} is a folder — give ${option} a file name, e.g. ${option} ${path.join(file, example)}`,
      file,
      "out_is_a_folder",
    );
  ensureOutputDir(path.dirname(path.resolve(file)), option);
}

function writeDurably(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, "wx");
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const removeQuietly = (p: string): void => {
  try {
    rmSync(p, { recursive: true, force: true });
  } catch {
    // Cleanup after an error must not hide that error.
  }
};

/** Writes `file` atomically: beside it as `NAME.<pid>.tmp`, then renamed; the .tmp never stays. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeDurably(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}

/** The two filesystem steps a swap is made of; tests pass failing ones to reach every error path. */
export interface SwapIo {
  write: (file: string, data: string) => void;
  rename: (from: string, to: string) => void;
}
const REAL_IO: SwapIo = { write: writeDurably, rename: renameSync };

/**
 * Replaces the files named in `files` inside `dir` as one set. Files of `dir` not named are left
 * alone (the database and report.html live there too).
 */
export function replaceFileSet(
  dir: string,
  files: ReadonlyArray<readonly [string, string]>,
  io: SwapIo = REAL_IO,
): void {
  const staging = mkdtempSync(path.join(dir, ".selfeval-new-"));
  let backup: string | undefined;
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const [name, data] of files) io.write(path.join(staging, name), data);
    backup = mkdtempSync(path.join(dir, ".selfeval-old-"));
    for (const [name] of files) {
      if (!existsSync(path.join(dir, name))) continue;
      io.rename(path.join(dir, name), path.join(backup, name));
      movedAside.push(name);
    }
    for (const [name] of files) {
      io.rename(path.join(staging, name), path.join(dir, name));
      movedIn.push(name);
    }
  } catch (err) {
    // Put the old set back: the new files moved in so far go, the old ones return.
    for (const name of movedIn) removeQuietly(path.join(dir, name));
    for (const name of movedAside) {
      try {
        renameSync(path.join(backup!, name), path.join(dir, name));
      } catch {
        // Left in the backup folder, which is then kept (below) so nothing is lost.
      }
    }
    removeQuietly(staging);
    if (backup && movedAside.every((n) => existsSync(path.join(dir, n)))) removeQuietly(backup);
    throw err;
  }
  removeQuietly(staging);
  if (backup) removeQuietly(backup);
}
