/**
 * The reading layer on each text sample: counts at every step (segments → intersections → cells →
 * tables; runs → lines → paragraphs) and the resulting tables, against reviewed golden files.
 */
import { describe, it } from "vitest";
import { tableJson } from "../../src/cli/inspect.js";
import type { HeadingNode } from "../../src/layout/document-layout.js";
import { expectGolden } from "../helpers/golden.js";
import { readSample, TEXT_SAMPLES } from "../helpers/read-sample.js";

const flatten = (nodes: HeadingNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${"  ".repeat(depth)}${n.label} ${n.title} (p.${n.page})`, ...flatten(n.children, depth + 1)]);

describe("reading layer goldens", () => {
  for (const name of TEXT_SAMPLES) {
    it(name, async () => {
      const r = await readSample(name);
      const layout = r.layout!;
      expectGolden(`layout-${name.replace(/\.pdf$/, "")}`, {
        pages: layout.pages.map((p) => `${p.number}:${p.kind}`),
        stats: layout.stats,
        headings: flatten(layout.headings),
        tables: layout.tables.map((t) => {
          const j = tableJson(t) as { pages: number[]; method: string; n_rows: number; n_cols: number; row_pages: number[][]; rows: string[][] };
          return { pages: j.pages, method: j.method, n_rows: j.n_rows, n_cols: j.n_cols, row_pages: j.row_pages, rows: j.rows };
        }),
      });
    });
  }
});
