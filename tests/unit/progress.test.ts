/**
 * The batch's progress on a terminal (cli-progress, drawn on a stand-in TTY stream): it names the
 * files being read, counts pages (OCR pages weigh more), no bar line grows past the terminal's
 * width (CJK characters are two columns), and the finished files printed above the bars are whole
 * lines — a long failure reason is not cut.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, endTable, fitWidth } from "../../src/cli/progress.js";
import { displayWidth } from "../../src/compare/display-width.js";
import type { FoundFile } from "../../src/ingest/find-files.js";

const file = (name: string): FoundFile => ({
  path: `in/${name}`,
  realPath: `/abs/in/${name}`,
  fsPath: `/nonexistent/${name}`,
});

/** A terminal of `columns` columns that keeps every write. */
function terminal(columns: number): Writable & { isTTY: boolean; columns: number; writes: string[] } {
  const writes: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      writes.push(String(chunk));
      done();
    },
  });
  return Object.assign(w, { isTTY: true, columns, writes });
}

const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

describe("progress on a terminal", () => {
  it("names the files in progress, fits the width, prints finished files whole", async () => {
    const tty = terminal(100);
    const a = file(
      "某某县财政局2023年度部门整体支出绩效自评报告某某县财政局2023年度部门整体支出绩效自评报告.pdf",
    );
    const b = file("scan.pdf");
    const p = createProgress({ json: false, tty: true, stream: tty });
    p.start([a, b]);
    p.progress(a, { pages: 12, ocrPages: 0, pagesNeedingOcr: 0 });
    p.progress(b, { pages: 4, ocrPages: 1, pagesNeedingOcr: 4 });
    // The library redraws on its own clock (2 a second).
    await new Promise((r) => setTimeout(r, 700));
    const reason = `the PDF is damaged or truncated (${"x".repeat(150)}) — re-export or re-download the file`;
    p.file({ path: b.path, outcome: "failed", reason, pages: 4, ocrPages: 1, ms: 5000 });
    p.stop();
    p.stop();
    // What was drawn: bar lines are writes without a line end; logged lines end with one.
    const texts = tty.writes.map((s) => s.replace(ESCAPES, "")).filter((s) => s.trim() !== "");
    const barLines = texts.filter((s) => !s.includes("\n"));
    expect(barLines.length).toBeGreaterThan(0);
    for (const l of barLines) expect(displayWidth(l), l).toBeLessThanOrEqual(99);
    expect(barLines.some((l) => l.includes("scan.pdf (OCR 1/4"))).toBe(true);
    expect(barLines.some((l) => /…\S*自评报告\.pdf \(12 p\.\)$/.test(l))).toBe(true);
    expect(barLines.some((l) => /^[█░]{12} 0\/2 files \| 0 pages \(0 by OCR\) \| ETA /.test(l))).toBe(true);
    expect(tty.writes.join("")).toContain(`failed    in/scan.pdf (4 pages, 1 by OCR, 5.0 s): ${reason}\n`);
  });

  it("leaves the bar out on a narrow terminal, and notes before the start are plain lines", async () => {
    const tty = terminal(60);
    const p = createProgress({ json: false, tty: true, stream: tty });
    p.note("note: one folder was seen twice");
    p.start([file("a.pdf")]);
    await new Promise((r) => setTimeout(r, 600));
    p.stop();
    const texts = tty.writes.map((s) => s.replace(ESCAPES, ""));
    expect(texts[0]).toBe("note: one folder was seen twice\n");
    const barLines = texts.filter((s) => s.trim() !== "" && !s.includes("\n"));
    expect(barLines.some((l) => l.startsWith("0/1 files | 0 pages | ETA …"))).toBe(true);
  });

  it("cuts by display width", () => {
    expect(fitWidth("报告报告报告", 7)).toBe("报告报…");
    expect(fitWidth("short", 10)).toBe("short");
  });

  it("lists files left partial in the database in the end table", () => {
    const t = endTable(
      [
        { path: "a.pdf", outcome: "unchanged", storedStatus: "ok", pages: 0, ocrPages: 0, ms: 0 },
        {
          path: "b.pdf",
          outcome: "unchanged",
          storedStatus: "partial",
          reason: "already in the database as partial",
          pages: 0,
          ocrPages: 0,
          ms: 0,
        },
        { path: "c\u001b.pdf", outcome: "interrupted", reason: "not read", pages: 0, ocrPages: 0, ms: 0 },
      ],
      [],
    );
    expect(t).toMatch(/^3 files: 2 unchanged, 1 interrupted/);
    expect(t).toMatch(/unchanged +b\.pdf — already in the database as partial/);
    expect(t).not.toMatch(/a\.pdf/);
    expect(t).toContain("c\\x1b.pdf");
  });
});
