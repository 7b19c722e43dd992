/**
 * Exit statuses a user's script can rely on:
 *   0  every file ok
 *   1  some files failed, were partial, or a file given could not be read
 *   2  usage error (unknown option, missing argument)
 */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

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
