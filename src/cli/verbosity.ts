/**
 * How much the CLI says on stderr, set once from the global --quiet / --verbose options. Results
 * (tables, JSON, CSV) go to stdout whatever the level; errors are always printed.
 *   quiet   errors only (no progress, no "wrote …" lines, check without its finding lines)
 *   normal  progress and one summary line per step
 *   verbose also the details: info-level findings, timings, and a stack trace for an unexpected error
 */
export type Verbosity = "quiet" | "normal" | "verbose";

let level: Verbosity = "normal";

export function setVerbosity(opts: { quiet?: boolean; verbose?: boolean }): void {
  level = opts.verbose ? "verbose" : opts.quiet ? "quiet" : "normal";
}

export const verbosity = (): Verbosity => level;

/** A progress or summary line for people (not for scripts): stderr, unless --quiet. */
export function say(line: string): void {
  if (level !== "quiet") process.stderr.write(`${line}\n`);
}

/** A detail only --verbose asks for. */
export function detail(line: string): void {
  if (level === "verbose") process.stderr.write(`${line}\n`);
}

/** A warning: printed unless --quiet. */
export function warn(line: string): void {
  if (level !== "quiet") process.stderr.write(`selfeval: warning: ${line}\n`);
}
