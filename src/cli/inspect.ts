/** `selfeval inspect FILE`: what the reading layer sees — pages, headings, tables. */
import type { HeadingNode } from "../layout/document-layout.js";
import { type Table, tableToRows } from "../layout/table-model.js";
import type { ExtractionResult } from "../pipeline/extraction-result.js";

export function inspectJson(result: ExtractionResult): unknown {
  const layout = result.layout!;
  return {
    file: result.source.path,
    report_id: result.source.sha256,
    producer: result.info?.producer ?? null,
    pages: layout.pages.map((p) => ({
      number: p.number,
      kind: p.kind,
      needs_ocr: p.kind === "image_only" || p.kind === "garbled",
      reason: p.reason,
      source: p.source,
    })),
    headings: layout.headings,
    tables: layout.tables.map((t) => tableJson(t)),
    stats: layout.stats,
    issues: result.issues,
  };
}

export function tableJson(t: Table): unknown {
  return {
    pages: t.pages,
    method: t.method,
    n_rows: t.rows.length,
    n_cols: t.nCols,
    row_pages: t.rows.map((r) => r.pages),
    rows: tableToRows(t, { fill: true }),
    cells: t.cells.map((c) => ({
      row: c.row,
      col: c.col,
      row_span: c.rowSpan,
      col_span: c.colSpan,
      text: c.text.text,
      parts: c.parts.map((p) => ({
        page: p.page,
        bbox: [p.x0, p.y0, p.x1, p.y1].map((v) => Math.round(v * 10) / 10),
      })),
    })),
  };
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The text in reading order: one line per paragraph, with its pages (and heading level). */
export function paragraphsText(result: ExtractionResult): string {
  const out: string[] = [];
  for (const b of result.layout!.blocks) {
    if (b.kind === "paragraph") {
      out.push(`[p.${b.pages.join(",")}]${b.heading ? ` H${b.heading.rank}` : ""} ${b.text.text}`);
    } else {
      out.push(`[p.${b.table.pages.join(",")}] <table ${b.table.rows.length}×${b.table.nCols}>`);
    }
  }
  return out.join("\n");
}

export function inspectText(result: ExtractionResult): string {
  const layout = result.layout!;
  const out: string[] = [];
  out.push(
    `${result.source.path}: ${layout.pages.length} pages${result.info?.producer ? `, made by ${result.info.producer}` : ""}`,
  );
  out.push("", "Pages:");
  for (const p of layout.pages)
    out.push(`  ${String(p.number).padStart(3)}  ${p.kind.padEnd(10)} ${p.reason}`);
  out.push("", "Headings:");
  const walk = (nodes: HeadingNode[], depth: number): void => {
    for (const n of nodes) {
      out.push(`  ${"  ".repeat(depth)}${n.label} ${n.title}  (p. ${n.page})`);
      walk(n.children, depth + 1);
    }
  };
  walk(layout.headings, 0);
  layout.tables.forEach((t, i) => {
    out.push(
      "",
      `Table ${i + 1}: pages ${t.pages.join(", ")}; ${t.rows.length} rows × ${t.nCols} columns (${t.method})`,
    );
    tableToRows(t, { fill: true }).forEach((row, r) => {
      out.push(
        `  ${String(r + 1).padStart(3)} [p.${t.rows[r]!.pages.join(",")}] | ${row.map((c) => clip(c, 18)).join(" | ")} |`,
      );
    });
  });
  if (result.issues.length > 0) {
    out.push("", "Issues:");
    for (const i of result.issues)
      out.push(`  ${i.severity} ${i.code}${i.page ? ` (p. ${i.page})` : ""}: ${i.message}`);
  }
  return out.join("\n");
}
