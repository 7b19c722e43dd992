/** Files and folders from the command line → PDF files (folders searched recursively, sorted). */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface FoundFiles {
  files: string[];
  /** Paths that could not be read, with the reason. */
  errors: Array<{ path: string; message: string }>;
}

export async function findPdfFiles(inputs: readonly string[]): Promise<FoundFiles> {
  const files: string[] = [];
  const errors: FoundFiles["errors"] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      errors.push({
        path: dir,
        message: `cannot read the folder (${(err as NodeJS.ErrnoException).code ?? err})`,
      });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    // A folder's own files come before its subfolders' (so a copy filed away in a subfolder is
    // the duplicate, not the original).
    // Symbolic links are followed (a folder of links to the archive is a common way to batch).
    const kinds = await Promise.all(
      entries.map(async (e) => {
        if (!e.isSymbolicLink()) return e.isDirectory() ? "dir" : e.isFile() ? "file" : "other";
        const st = await stat(path.join(dir, e.name)).catch(() => undefined);
        return st?.isDirectory() ? "dir" : st?.isFile() ? "file" : "other";
      }),
    );
    entries.forEach((e, i) => {
      if (kinds[i] === "file" && /\.pdf$/i.test(e.name)) files.push(path.join(dir, e.name));
    });
    for (let i = 0; i < entries.length; i++)
      if (kinds[i] === "dir") await walk(path.join(dir, entries[i]!.name));
  };
  for (const input of inputs) {
    try {
      const st = await stat(input);
      if (st.isDirectory()) await walk(input);
      else files.push(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push({
        path: input,
        message: code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? err})`,
      });
    }
  }
  return { files, errors };
}
