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
    for (const e of entries) if (e.isFile() && /\.pdf$/i.test(e.name)) files.push(path.join(dir, e.name));
    for (const e of entries) if (e.isDirectory()) await walk(path.join(dir, e.name));
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
