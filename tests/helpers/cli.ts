import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./golden.js";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (bin/selfeval.js → dist/) as a user would. */
export function selfeval(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/selfeval.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
