/** The corrections CSV round trip: written by review, filled in a spreadsheet, read back. */
import { describe, expect, it } from "vitest";
import { parseCorrectionsCsv, reviewCsv } from "../../src/review/corrections-csv.js";
import type { ReviewItem } from "../../src/review/review-list.js";

const item: ReviewItem = {
  report_id: "ab".repeat(32),
  source_file: "scan.pdf",
  field: "yoy_change",
  label: "支出较上年增减额",
  correctable: true,
  reading: "-728.3",
  page: 3,
  reasons: [{ code: "low_ocr_confidence", weight: 33, text: "扫描件识别置信度82%（低于85%）。" }],
  priority: 33,
};

describe("corrections CSV", () => {
  it("writes a BOM, CRLF and an empty value to fill, and reads back only filled rows", () => {
    const csv = reviewCsv([item, { ...item, field: "staff.in_service", reading: "55" }]);
    expect(csv.startsWith("\uFEFFreport_id,source_file,")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv).toContain(",-728.3,"); // a plain negative number is not formula-guarded
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    // fill in the first row as a spreadsheet user would: value and reason
    const cells = lines[1]!.split(",");
    cells[8] = "-782.3";
    cells[9] = "核对原件";
    lines[1] = cells.join(",");
    const back = parseCorrectionsCsv(new TextEncoder().encode(lines.join("\r\n")), "r.csv");
    expect(back.errors).toEqual([]);
    expect(back.skipped).toBe(1);
    expect(back.rows).toEqual([
      { line: 2, report: item.report_id, field: "yoy_change", value: "-782.3", reason: "核对原件", page: 3 },
    ]);
  });

  it("reads what Excel saves on Chinese Windows (GBK) and as Unicode text (UTF-16, tabs)", () => {
    // "report_id,field,value,reason\r\n<id>,grade,优,核对原件" with 优 = D3 C5, 核对原件 = BA CB B6 D4 D4 AD BC FE
    const ascii = (s: string) => [...Buffer.from(s, "latin1")];
    const gbk = Uint8Array.from([
      ...ascii(`report_id,field,value,reason\r\n${item.report_id},grade,`),
      0xd3,
      0xc5,
      ...ascii(","),
      ...[0xba, 0xcb, 0xb6, 0xd4, 0xd4, 0xad, 0xbc, 0xfe],
    ]);
    expect(parseCorrectionsCsv(gbk, "g.csv").rows).toMatchObject([
      { field: "grade", value: "优", reason: "核对原件" },
    ]);
    const text = `report_id\tfield\tvalue\treason\r\n${item.report_id}\tgrade\t优\t核对原件\r\n`;
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(parseCorrectionsCsv(utf16, "u.txt").rows).toMatchObject([{ field: "grade", value: "优" }]);
  });

  it("names the row of a value without a reason, and a file without the columns", () => {
    const csv = `report_id,field,value,reason\r\n${item.report_id},grade,优,\r\n`;
    expect(parseCorrectionsCsv(new TextEncoder().encode(csv), "r.csv").errors).toEqual([
      "r.csv:2: grade has a value but no reason — say why in the reason column",
    ]);
    const wrong = parseCorrectionsCsv(new TextEncoder().encode("a,b\r\n1,2\r\n"), "x.csv");
    expect(wrong.errors[0]).toMatch(/^x\.csv: no report_id, field, value, reason column/);
  });
});
