/**
 * Database and filesystem errors a user can cause (a full disk, a read-only folder, `--db` naming
 * a folder or a file that is not a database) as one line naming the path and what to do.
 */

export interface StoreProblem {
  code: string;
  /** `PATH: what is wrong — what to do`. */
  line: string;
  /** The batch cannot go on (every further write would fail the same way). */
  stopsBatch: boolean;
}

export function storeProblem(err: unknown, dbPath: string): StoreProblem {
  const e = err as { code?: string; message?: string; path?: string };
  const code = e?.code ?? "";
  const where = dbPath;
  const line = (what: string, todo: string): string => `${where}: ${what} — ${todo}`;
  if (
    code === "SQLITE_FULL" ||
    code === "ENOSPC" ||
    (code.startsWith("SQLITE_IOERR") && /disk|space|full/i.test(e.message ?? ""))
  )
    return {
      code: "disk_full",
      line: line(
        "the disk is full",
        "free some space and run the same command again (files stored so far are kept)",
      ),
      stopsBatch: true,
    };
  if (
    code === "SQLITE_READONLY" ||
    code.startsWith("SQLITE_READONLY") ||
    code === "EROFS" ||
    code === "EACCES" ||
    code === "EPERM"
  )
    return {
      code: "not_writable",
      line: line(
        "cannot write here (permission denied or read-only)",
        "choose a writable place with --db, or fix the folder's permissions",
      ),
      stopsBatch: true,
    };
  if (code === "EISDIR")
    return {
      code: "is_a_folder",
      line: line("is a folder, not a database file", "give --db a file name, e.g. --db out/selfeval.db"),
      stopsBatch: true,
    };
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
    return {
      code: "not_a_database",
      line: line(
        code === "SQLITE_CORRUPT"
          ? "the database file is damaged"
          : "is not a selfeval database (not SQLite)",
        "give --db a new file name, or restore the database from a copy",
      ),
      stopsBatch: true,
    };
  if (code === "SQLITE_CANTOPEN" || code === "ENOTDIR" || code === "ENOENT" || code === "EEXIST")
    return {
      code: "cannot_open",
      line: line(
        "cannot open the database (its folder is missing or not a folder, or it is not a file)",
        "check the --db path",
      ),
      stopsBatch: true,
    };
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED")
    return {
      code: "busy",
      line: line(
        "the database is locked by another program",
        "wait for the other selfeval to finish, then run again",
      ),
      stopsBatch: false,
    };
  if (/newer than this selfeval/.test(e?.message ?? ""))
    return { code: "newer_schema", line: line(e.message ?? "", "upgrade selfeval"), stopsBatch: true };
  return {
    code: "store_error",
    line: line(`database error (${code || e?.message || String(err)})`, "check the disk, then run again"),
    stopsBatch: false,
  };
}
