/**
 * The batch's status line on a terminal: it names the files being read, counts pages (OCR pages
 * weigh more), never grows past the terminal's width (CJK characters are two columns), and the
 * finished files printed above it are whole lines — a long failure reason is not cut.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress, endTable, fitWidth } from "../../src/cli/progress.js";
import { displayWidth } from "../../src/compare/display-width.js";
import type { FoundFile } from "../../src/ingest/find-files.js";

const file = (name: string): FoundFile => ({
  path: `in/${name}`,
  realPath: `/abs/in/${name}`,
  fsPath: `/nonexistent/${name}`,
});

describe("progress on a terminal", () => {
  afterEach(() => vi.restoreAllMocks());

  it("names the files in progress, fits the width, prints finished files whole", () => {
    const out: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    const a = file("某某县财政局2023年度部门整体支出绩效自评报告.pdf");
    const b = file("scan.pdf");
    const p = createProgress({ json: false, tty: true, columns: () => 100 });
    p.start([a, b]);
    p.progress(a, { pages: 12, ocrPages: 0, pagesNeedingOcr: 0 });
    p.progress(b, { pages: 4, ocrPages: 1, pagesNeedingOcr: 4 });
    const reason = `the PDF is damaged or truncated (${"x".repeat(150)}) — re-export or re-download the file`;
    p.file({ path: b.path, outcome: "failed", reason, pages: 4, ocrPages: 1, ms: 5000 });
    p.stop();
    const statusLines = out
      .filter((s) => s.startsWith("\r\x1b[2K") && s.length > 5)
      .map((s) => s.replace("\r\x1b[2K", ""));
    expect(statusLines.length).toBeGreaterThan(0);
    for (const l of statusLines) expect(displayWidth(l)).toBeLessThanOrEqual(99);
    expect(statusLines.some((l) => l.includes("scan.pdf (OCR 1/4)"))).toBe(true);
    const printed = out.join("");
    expect(printed).toContain(`failed    in/scan.pdf (4 pages, 1 by OCR, 5.0 s): ${reason}\n`);
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
