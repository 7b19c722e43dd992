/**
 * Golden files: the reviewed output of each sample, compared on every run. Regenerating needs an
 * explicit flag (UPDATE_GOLDEN=1) — read the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SAMPLES = path.join(ROOT, "samples");
const GOLDEN = path.join(ROOT, "tests/golden");

export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI && !existsSync(file))
      throw new Error(`golden file ${file} is missing; run UPDATE_GOLDEN=1 locally`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, "utf8")));
}
