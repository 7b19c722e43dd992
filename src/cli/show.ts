/** A report record as an auditor reads it: every value with the page and printed text behind it. */
import type { Figure, Provenance, Text } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { decimalCell } from "../export/csv-spec.js";

const where = (p: Provenance): string =>
  `p.${p.page} “${p.text.length > 30 ? `${p.text.slice(0, 29)}…` : p.text}”${p.conf !== undefined ? ` (OCR ${p.conf}%)` : ""}${p.uncertain?.length ? ` ? 存疑: ${p.uncertain.map((u) => u.why).join("; ")}` : ""}`;
/** A corrected value says so, with the value read and who corrected it, when and why. */
const corrected = (v: Figure | Text): string =>
  v.correction
    ? `  (corrected${v.correction.original === v.value ? ": confirmed" : `; read ${"ulp" in v ? decimalCell(v.correction.original) : v.correction.original}`} — ${v.correction.reason}, ${v.correction.author} ${v.correction.at.slice(0, 10)})`
    : "";
const num = (f: Figure | undefined, unit = ""): string =>
  f ? `${decimalCell(f.value)}${unit}  [${where(f.prov)}]${corrected(f)}` : "—";
const txt = (t: Text | undefined): string => (t ? `${t.value}  [${where(t.prov)}]${corrected(t)}` : "—");

export function formatReport(r: Report): string {
  const out: string[] = [];
  out.push(
    `${r.department?.value ?? "(department not found)"} — ${r.fiscal_year?.value ?? "?"} — ${r.report_kind?.value ?? "?"}`,
  );
  if (r.project_name) out.push(`project ${txt(r.project_name)}`);
  out.push(
    `report ${r.report_id}  file ${r.source_path}  status ${r.status}${r.error ? ` (${r.error})` : ""}`,
  );
  if (r.form_index !== undefined)
    out.push(`form ${r.form_index} of ${r.form_count ?? "?"} stacked in the file`);
  out.push(`pages ${r.pages}, by OCR ${r.ocr_pages}`);
  out.push("", `self score  ${num(r.self_score, " 分")}`, `grade       ${txt(r.grade)}`);
  out.push("", "Staff:");
  for (const [k, f] of Object.entries(r.staff)) out.push(`  ${k.padEnd(12)} ${num(f)}`);
  out.push("", "Headline figures (万元, %) — every statement; * = canonical:");
  for (const s of r.statements) {
    const canonical = r.headline[s.key];
    const star =
      canonical &&
      canonical.prov.page === s.figure.prov.page &&
      canonical.prov.bbox.join() === s.figure.prov.bbox.join()
        ? "*"
        : " ";
    out.push(` ${star} ${s.key.padEnd(18)} ${num(s.figure)}  (${s.context}: ${s.label})`);
  }
  out.push("", "Budget lines:");
  for (const l of r.budget_lines) {
    out.push(
      `  ${l.section.padEnd(24)} ${l.item.padEnd(14)} ${num(l.amount)}${l.share ? `  share ${decimalCell(l.share.value)}%` : ""}`,
    );
  }
  out.push("", "Indicators:");
  for (const i of r.indicators) {
    out.push(
      `  ${[i.level1, i.level2, i.level3].filter(Boolean).join(" / ")}: ${i.target.value}${i.actual ? ` → ${i.actual.value}` : ""}${i.score ? ` (${decimalCell(i.score.value)}/${i.weight ? decimalCell(i.weight.value) : "?"})` : ""}  [p.${i.page}]`,
    );
  }
  out.push("", "Tasks:");
  for (const t of r.tasks)
    out.push(`  ${t.seq}. ${t.name}  planned ${num(t.planned)}  pages ${t.pages.join(",")}`);
  out.push("", "Projects:");
  for (const p of r.projects)
    out.push(`  ${p.name}: budget ${num(p.budget)}; executed ${num(p.executed)}; rate ${num(p.rate)}`);
  if (r.issues.length > 0) {
    out.push("", "Issues:");
    for (const i of r.issues)
      out.push(`  ${i.severity} ${i.code}${i.page ? ` p.${i.page}` : ""}: ${i.message}`);
  }
  return out.join("\n");
}
