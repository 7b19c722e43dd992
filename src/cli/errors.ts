/**
 * Exit statuses a user's script can rely on:
 *   0    every file ok (check: no finding at the --fail-on level)
 *   1    some files failed or were partial, a file given could not be read, an output could not be
 *        written (check: findings at the --fail-on level)
 *   2    usage error (unknown option, missing argument, an output path of the wrong kind)
 * 130    interrupted (SIGINT/SIGTERM): files not finished were not stored; run again to finish
 */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_FINDINGS = 1;
export const EXIT_INTERRUPTED = 130;

/** An error reported to the user as one line: what, where, and what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_SOME_FAILED,
    readonly code = "user_error",
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** One line for one file: `FILE: what is wrong — what to do`. */
export function fileErrorLine(file: string, message: string, hint?: string): string {
  return `${file}: ${message}${hint ? ` — ${hint}` : ""}`;
}

/** What to say for the filesystem errors a user can cause with a path they give. */
const FS_ERRORS: Record<string, (p: string) => string> = {
  EACCES: (p) => `${p}: permission denied — make it writable or choose another path`,
  EPERM: (p) => `${p}: operation not permitted — make it writable or choose another path`,
  EROFS: (p) => `${p}: the file system is read-only — choose a path on a writable disk`,
  ENOSPC: (p) =>
    `${p}: no space left on the disk — free some space and run again (files already there are unchanged)`,
  EDQUOT: (p) => `${p}: disk quota exceeded — free some space and run again`,
  EISDIR: (p) => `${p}: is a folder, a file was expected — give a file name`,
  ENOTDIR: (p) => `${p}: a part of this path is a file, not a folder — check the path`,
  ENOENT: (p) => `${p}: no such file or folder — check the path`,
  EEXIST: (p) => `${p}: already exists and cannot be replaced — remove it or choose another path`,
  ENAMETOOLONG: (p) => `${p}: the name is too long — choose a shorter path`,
  EMFILE: (p) => `${p}: too many open files — raise the limit (ulimit -n) or read fewer files at once`,
};

/**
 * A Node.js filesystem error as one line naming the path and what to do, or undefined for any
 * other error (which is then a bug, reported as such).
 */
export function fsErrorLine(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== "object" || typeof e.code !== "string") return undefined;
  const say = FS_ERRORS[e.code];
  if (!say) return undefined;
  return say(e.path ?? (e as { dest?: string }).dest ?? "(path)");
}
