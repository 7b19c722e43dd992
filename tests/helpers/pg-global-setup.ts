/**
 * The PostgreSQL server of the tests. `.ci/run` starts one and exports SELFEVAL_TEST_PG; a
 * developer running `npm test` by hand gets a throwaway cluster started here (by the same script)
 * and stopped at the end. When none can be started, the reason is passed on, and every PostgreSQL
 * test fails with it: they never skip.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/pg-test-cluster.sh");

export default function setup(): (() => void) | undefined {
  if (process.env.SELFEVAL_TEST_PG) return undefined;
  let dir: string;
  try {
    dir = execFileSync("bash", [SCRIPT, "start"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    process.env.SELFEVAL_TEST_PG_ERROR = `no PostgreSQL server for the tests: ${(e.stderr || e.message).trim()}`;
    return undefined;
  }
  process.env.SELFEVAL_TEST_PG = readFileSync(path.join(dir, "url"), "utf8").trim();
  return () => {
    execFileSync("bash", [SCRIPT, "stop", dir], { stdio: "ignore" });
  };
}
