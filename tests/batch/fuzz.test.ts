/**
 * Fuzzing the batch: a few hundred copies of two samples, each damaged by seeded mutations (byte
 * flips, cuts, repeats, truncation, lying /Count or /Length, a misplaced xref), ingested as one
 * batch. Every file must end ok, partial, failed or skipped within its deadline, with a reason when
 * not ok, and the batch must end with its summary. A file that fails prints its seed and its
 * mutations: `mutate(bytes, seed)` in bench/hostile-pdfs.ts makes it again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mutate } from "../../bench/hostile-pdfs.js";
import { selfeval } from "../helpers/cli.js";
import { SAMPLES } from "../helpers/golden.js";

const SOURCES = ["beiyuan-agri-2023-form.pdf", "qingchuan-health-2022.pdf"];
const COUNT = 200;
const FIRST_SEED = 1000;
const TIMEOUT_S = 8;

describe("fuzz: mutated samples in one batch", () => {
  it(`${COUNT} mutated PDFs each end ok/partial/failed/skipped within the deadline`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-fuzz-"));
    const steps = new Map<string, string>();
    for (let i = 0; i < COUNT; i++) {
      const seed = FIRST_SEED + i;
      const source = SOURCES[i % SOURCES.length]!;
      const m = mutate(readFileSync(path.join(SAMPLES, source)), seed);
      const name = `fuzz-${seed}.pdf`;
      writeFileSync(path.join(dir, name), m.bytes);
      steps.set(name, `seed ${seed} on ${source}: ${m.steps.join("; ")}`);
    }
    const run = selfeval([
      "ingest",
      dir,
      "--db",
      path.join(dir, "fuzz.db"),
      "--json",
      "--ocr",
      "never",
      "--timeout",
      String(TIMEOUT_S),
    ]);
    expect([0, 1], run.stderr).toContain(run.status);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; status: string; reason: string | null; ms: number });
    expect(lines).toHaveLength(COUNT);
    const bad: string[] = [];
    for (const l of lines) {
      const name = path.basename(l.file);
      const why = `${steps.get(name)} → ${l.status}: ${l.reason}`;
      if (!["ok", "partial", "failed", "skipped", "duplicate"].includes(l.status)) bad.push(why);
      else if (l.status !== "ok" && !l.reason) bad.push(`${why} (no reason)`);
      else if (/unexpected error|stopped unexpectedly/.test(l.reason ?? "")) bad.push(why);
      else if (l.ms > (TIMEOUT_S + 10) * 1000) bad.push(`${why} (${l.ms} ms)`);
    }
    expect(bad, bad.join("\n")).toEqual([]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
