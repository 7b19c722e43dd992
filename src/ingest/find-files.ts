/**
 * Files and folders from the command line → PDF files (folders searched recursively, sorted).
 *
 * Folder links are followed (a folder of links to the archive is a common way to batch), so each
 * folder is remembered by device and inode: a link looping back, or a second link to a folder
 * already searched, is reported once and not searched again. Names are read as bytes, so a name
 * that is not valid UTF-8 (an archive unpacked with another code page) is still found and read; it
 * is shown and recorded with the bad bytes escaped (\xNN). The path recorded is the real path.
 */
import type { Dirent, Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { displayPath } from "../text/hygiene.js";

export interface FoundFile {
  /** The path as found (given, or under a given folder), for display. */
  path: string;
  /** The real path (links resolved), for the record. */
  realPath: string;
  /** What to pass to fs calls: the exact bytes of the name. */
  fsPath: string | Buffer;
}

export interface PathProblem {
  path: string;
  message: string;
}

export interface FoundFiles {
  files: FoundFile[];
  /** Paths that could not be read, with the reason. */
  errors: PathProblem[];
  /** Not errors: folder links that loop or repeat, each reported once. */
  notices: string[];
}

const SLASH = Buffer.from("/");
const isPdfName = (name: Buffer): boolean => /\.pdf$/i.test(name.toString("latin1"));

export async function findPdfFiles(inputs: readonly string[]): Promise<FoundFiles> {
  const files: FoundFile[] = [];
  const errors: PathProblem[] = [];
  const notices: string[] = [];
  const seenDirs = new Map<string, string>();
  const seenFiles = new Set<string>();
  const idOf = (st: Stats): string => `${st.dev}:${st.ino}`;

  const addFile = async (fsPath: Buffer, st: Stats): Promise<void> => {
    if (seenFiles.has(idOf(st))) return; // the same file reached through a link: read once
    seenFiles.add(idOf(st));
    const real = (await realpath(fsPath, { encoding: "buffer" }).catch(() => fsPath)) as Buffer;
    files.push({ path: displayPath(fsPath), realPath: displayPath(real), fsPath });
  };

  const walk = async (dir: Buffer, st: Stats, ancestors: ReadonlySet<string>): Promise<void> => {
    const id = idOf(st);
    const before = seenDirs.get(id);
    if (before !== undefined) {
      notices.push(
        ancestors.has(id)
          ? `${displayPath(dir)}: a folder link that loops back to ${before}; searched once`
          : `${displayPath(dir)}: the same folder as ${before}; searched once`,
      );
      return;
    }
    seenDirs.set(id, displayPath(dir));
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: "buffer" });
    } catch (err) {
      errors.push({
        path: displayPath(dir),
        message: `cannot read the folder (${(err as NodeJS.ErrnoException).code ?? err}) — check its permissions`,
      });
      return;
    }
    const named = entries
      .map((e) => ({ e, shown: displayPath(e.name), full: Buffer.concat([dir, SLASH, e.name]) }))
      .sort((a, b) => a.shown.localeCompare(b.shown));
    const kinds = await Promise.all(
      named.map(async ({ e, full }) => {
        if (!e.isSymbolicLink() && !e.isDirectory() && !(e.isFile() && isPdfName(e.name))) return undefined;
        const s = await stat(full).catch(() => undefined);
        return s;
      }),
    );
    // A folder's own files come before its subfolders' (so a copy filed away in a subfolder is
    // the duplicate, not the original).
    for (let i = 0; i < named.length; i++) {
      const s = kinds[i];
      if (s?.isFile() && isPdfName(named[i]!.e.name)) await addFile(named[i]!.full, s);
    }
    const inner = new Set(ancestors).add(id);
    for (let i = 0; i < named.length; i++) {
      const s = kinds[i];
      if (s?.isDirectory()) await walk(named[i]!.full, s, inner);
    }
  };

  for (const input of inputs) {
    const fsPath = Buffer.from(input.replace(/\/+$/, "") || "/");
    try {
      const st = await stat(fsPath);
      if (st.isDirectory()) await walk(fsPath, st, new Set());
      else if (st.isFile()) await addFile(fsPath, st);
      else errors.push({ path: displayPath(fsPath), message: "not a file or folder" });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push({
        path: displayPath(fsPath),
        message:
          code === "ENOENT"
            ? "no such file or folder"
            : code === "EACCES"
              ? "permission denied"
              : `cannot read (${code ?? err})`,
      });
    }
  }
  return { files, errors, notices };
}
