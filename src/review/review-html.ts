/**
 * The review list in the HTML report: each value to verify with its page, the crop of the print
 * it was read from, why it is listed, and the `selfeval correct` line that fixes or confirms it.
 * Corrections in force are listed beside it with the value read and who changed it, when and why.
 */
import type { Crop } from "../report/evidence-crops.js";
import { regionKey } from "../report/evidence-crops.js";
import { html, type SafeHtml } from "../report/html.js";
import type { AppliedCorrection, UnappliedCorrection } from "./apply-corrections.js";
import type { ReviewItem } from "./review-list.js";

/** The report shows this many values to verify (with crops); `selfeval review` lists them all. */
export const REVIEW_IN_REPORT = 50;

/** pdf.js renders crops at their own dpi; CSS pixels are 1/96 in. */
const CSS_DPI = 96;

/** The regions whose crops the review section shows. */
export const reviewRegions = (items: readonly ReviewItem[]) =>
  items.flatMap((i) =>
    i.page !== undefined && i.bbox ? [{ reportId: i.report_id, page: i.page, bbox: i.bbox }] : [],
  );

/** A shell argument that survives copying into bash or PowerShell. */
const arg = (s: string): string => (/^[\w.:#@/+-]+$/u.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`);

function crop(i: ReviewItem, crops: ReadonlyMap<string, Crop>): SafeHtml {
  if (i.page === undefined || !i.bbox) return html``;
  const c = crops.get(regionKey({ reportId: i.report_id, page: i.page, bbox: i.bbox }));
  if (c?.kind !== "image")
    return html`<div class="unavailable">原文件不可用${c?.kind === "unavailable" ? `（${c.reason}）` : ""}。印刷文字：<span class="printed">${i.printed ?? "（无）"}</span></div>`;
  const m = c.mark;
  const scale = CSS_DPI / c.dpi;
  return html`<div class="crop"><img src="${c.src}" width="${Math.round(c.width * scale)}" height="${Math.round(c.height * scale)}" alt="${`第${i.page}页：${i.printed ?? ""}`}"><span class="mark" style="left:${m.left}%;top:${m.top}%;width:${m.width}%;height:${m.height}%"></span></div>`;
}

export function reviewSection(
  items: readonly ReviewItem[],
  crops: ReadonlyMap<string, Crop>,
  corrections: { applied: readonly AppliedCorrection[]; unapplied: readonly UnappliedCorrection[] },
  options: { limit?: number; fileOf?: (reportId: string) => string | undefined } = {},
): SafeHtml {
  const shown = items.slice(0, options.limit ?? REVIEW_IN_REPORT);
  const list = shown.map(
    (
      i,
      n,
    ) => html`<div class="review-item" data-field="${i.field}" data-page="${i.page ?? ""}" data-priority="${i.priority}">
<h4><span class="rank">${n + 1}</span><span title="${i.field}">${i.label}</span><span class="page-ref">${i.source_file}${i.page !== undefined ? ` 第${i.page}页` : ""}</span></h4>
<p>读数：<b>${i.reading ?? "—"}</b>${i.unit ? ` ${i.unit}` : ""}${i.conf !== undefined ? `（识别置信度${Math.round(i.conf)}%）` : ""}</p>
<ul class="reasons">${i.reasons.map((r) => html`<li>${r.text}</li>`)}</ul>
<figure class="ev">${crop(i, crops)}</figure>
${i.correctable ? html`<p class="note">更正或确认：<code class="command">selfeval correct ${arg(i.report_id.slice(0, 12))} ${arg(i.field)} 正确值 --reason 原因</code></p>` : ""}
</div>`,
  );
  const done = corrections.applied.map(
    (a) =>
      html`<tr><td>${options.fileOf?.(a.correction.report_id) ?? a.correction.report_id.slice(0, 12)}</td><td title="${a.path}">${a.label}</td><td>第${a.page}页</td><td>${a.read}</td><td><b>${a.value}</b>${a.read === a.value ? "（已确认）" : ""}</td><td>${a.correction.author}</td><td>${a.correction.created_at.replace("T", " ").slice(0, 16)}</td><td>${a.correction.reason}</td></tr>`,
  );
  const stale = corrections.unapplied.map(
    (u) =>
      html`<li><code class="field">${u.correction.field}</code>（${options.fileOf?.(u.correction.report_id) ?? u.correction.report_id.slice(0, 12)}）：${u.why}</li>`,
  );
  return html`<section id="review"><h2>待核实数值</h2>
<p class="note">按可疑程度排序：扫描件识别存疑、核查发现所依据的数字、前后或不同文件读数不一致的数字。请对照截图核实；读数有误时用 <code>selfeval correct</code> 更正（读数无误时以原值“更正”即为确认），或用 <code>selfeval review --csv</code> 导出后在 Excel 中填写、再以 <code>selfeval correct --import</code> 导入。</p>
${shown.length === 0 ? html`<p class="none">没有需要优先核实的数值。</p>` : list}
${items.length > shown.length ? html`<p class="note">另有 ${items.length - shown.length} 项，见 <code>selfeval review</code>。</p>` : ""}
${done.length ? html`<h3>已更正的数值（${done.length}）</h3><table class="corrections"><thead><tr><th>文件</th><th>数值</th><th>页</th><th>原读数</th><th>更正为</th><th>更正人</th><th>时间</th><th>原因</th></tr></thead><tbody>${done}</tbody></table>` : ""}
${stale.length ? html`<h3>未能应用的更正（${stale.length}）</h3><ul>${stale}</ul>` : ""}
</section>`;
}
