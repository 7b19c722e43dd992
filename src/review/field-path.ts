/**
 * Every value of a report an auditor can correct, under a field path `selfeval correct` takes:
 *
 *   department, fiscal_year, report_kind, project_name, implementing_unit, self_score, grade,
 *   problems, next_steps
 *   budget_total …                 a headline figure (its canonical statement)
 *   budget_total#2                 the 2nd statement of it, where it is printed more than once
 *   staff.in_service …             staff counts
 *   income:事业收入[#N][:share]      a breakdown amount (the discrepancy field names) or its share
 *   indicator:NAME[#N]:target|actual|score|weight
 *   task:SEQ:planned|content|goal|completion
 *   project:NAME[#N]:budget|executed|rate
 *
 * Paths name what the report says, not where a version of the extractor stored it, so a correction
 * finds its value again after a re-extraction.
 */
import type { Figure, Text } from "../../schemas/provenance.js";
import { HEADLINE_KEYS, type Report } from "../../schemas/report.js";
import { KEY_NAME, SECTION_NAME, STAFF_NAME } from "../checks/field-names.js";
import { parseTarget } from "../extract/targets.js";

/** How a value is typed in: an amount (万元, or with its unit), a percentage, a plain number, a year, text. */
export type FieldKind = "amount" | "percent" | "number" | "year" | "text";

export interface FieldTarget {
  path: string;
  /** What it is, in Chinese. */
  label: string;
  kind: FieldKind;
  value: Figure | Text;
  /** Puts a replacement in its place (and wherever the same statement is shown) in `report`. */
  set(report: Report, v: Figure | Text): void;
}

const AMOUNT_UNITS = new Set(["万元", "元", "亿元", "千元"]);

export const isFigure = (v: Figure | Text): v is Figure => "ulp" in v;

function kindOfFigure(f: Figure): FieldKind {
  if (AMOUNT_UNITS.has(f.unit)) return "amount";
  if (f.unit === "%") return "percent";
  return "number";
}

const samePlace = (a: Figure, b: Figure): boolean =>
  a.prov.page === b.prov.page && a.prov.bbox.join() === b.prov.bbox.join() && a.value === b.value;

/** Numbered paths (`#N`) where a name occurs more than once, the bare path otherwise and for the first. */
function numbered<T>(
  items: readonly T[],
  name: (t: T) => string,
): Array<{ item: T; base: string; n: number; of: number }> {
  const count = new Map<string, number>();
  for (const t of items) count.set(name(t), (count.get(name(t)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = name(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { item, base, n, of: count.get(base)! };
  });
}

const withN = (base: string, n: number, of: number): string => (of > 1 && n > 1 ? `${base}#${n}` : base);

export function fieldTargets(r: Report): FieldTarget[] {
  const out: FieldTarget[] = [];
  const text = (path: string, label: string, v: Text | undefined, set: FieldTarget["set"]) => {
    if (v) out.push({ path, label, kind: "text", value: v, set });
  };
  const figure = (
    path: string,
    label: string,
    v: Figure | undefined,
    set: FieldTarget["set"],
    kind?: FieldKind,
  ) => {
    if (v) out.push({ path, label, kind: kind ?? kindOfFigure(v), value: v, set });
  };
  const asFig = (v: Figure | Text): Figure => v as Figure;

  text("department", "部门（单位）名称", r.department, (x, v) => {
    x.department = v;
  });
  figure(
    "fiscal_year",
    "年度",
    r.fiscal_year,
    (x, v) => {
      x.fiscal_year = asFig(v);
    },
    "year",
  );
  text("report_kind", "报告类型", r.report_kind, (x, v) => {
    x.report_kind = v;
  });
  text("project_name", "项目名称", r.project_name, (x, v) => {
    x.project_name = v;
  });
  text("implementing_unit", "实施单位", r.implementing_unit, (x, v) => {
    x.implementing_unit = v;
  });
  figure("self_score", "自评得分", r.self_score, (x, v) => {
    x.self_score = asFig(v);
  });
  text("grade", "自评等级", r.grade, (x, v) => {
    x.grade = v;
  });
  for (const key of HEADLINE_KEYS) {
    const canonical = r.headline[key];
    const statements = r.statements.map((s, i) => ({ s, i })).filter(({ s }) => s.key === key);
    // The canonical value: the headline and every statement that is it.
    figure(key, KEY_NAME[key], canonical, (x, v) => {
      const old = x.headline[key];
      x.headline[key] = asFig(v);
      for (const s of x.statements) if (s.key === key && old && samePlace(s.figure, old)) s.figure = asFig(v);
    });
    if (statements.length < 2) continue;
    statements.forEach(({ s, i }, k) => {
      figure(`${key}#${k + 1}`, `${KEY_NAME[key]}（第${k + 1}处）`, s.figure, (x, v) => {
        const old = x.statements[i]!.figure;
        x.statements[i]!.figure = asFig(v);
        const h = x.headline[key];
        if (h && samePlace(h, old)) x.headline[key] = asFig(v);
      });
    });
  }
  for (const k of Object.keys(r.staff) as Array<keyof Report["staff"]>) {
    figure(`staff.${k}`, STAFF_NAME[k] ?? k, r.staff[k], (x, v) => {
      x.staff[k] = asFig(v);
    });
  }
  numbered(r.budget_lines, (l) => `${l.section}:${l.item}`).forEach(({ item: l, base, n, of }, i) => {
    const path = withN(base, n, of);
    const label = `${SECTION_NAME[l.section]}·${l.item}${of > 1 ? `（第${n}处）` : ""}`;
    figure(path, label, l.amount, (x, v) => {
      x.budget_lines[i]!.amount = asFig(v);
    });
    figure(`${path}:share`, `${label}占比`, l.share, (x, v) => {
      x.budget_lines[i]!.share = asFig(v);
    });
  });
  numbered(r.indicators, (x) => `indicator:${x.level3}`).forEach(({ item: ind, base, n, of }, i) => {
    const path = withN(base, n, of);
    text(`${path}:target`, `指标“${ind.level3}”指标值`, ind.target, (x, v) => {
      const t = parseTarget(v.value);
      const target = x.indicators[i]!;
      target.target = v;
      target.target_op = t.op;
      target.target_value = t.value;
      target.target_unit = t.unit;
    });
    text(`${path}:actual`, `指标“${ind.level3}”实际完成值`, ind.actual, (x, v) => {
      x.indicators[i]!.actual = v;
    });
    figure(`${path}:weight`, `指标“${ind.level3}”分值`, ind.weight, (x, v) => {
      x.indicators[i]!.weight = asFig(v);
    });
    figure(`${path}:score`, `指标“${ind.level3}”得分`, ind.score, (x, v) => {
      x.indicators[i]!.score = asFig(v);
    });
  });
  r.tasks.forEach((t, i) => {
    const base = `task:${t.seq}`;
    figure(`${base}:planned`, `任务${t.seq}拟投入资金`, t.planned, (x, v) => {
      x.tasks[i]!.planned = asFig(v);
    });
    for (const [prop, label] of [
      ["content", "主要实施内容"],
      ["goal", "期望达到的目标"],
      ["completion", "完成情况"],
    ] as const) {
      text(`${base}:${prop}`, `任务${t.seq}${label}`, t[prop], (x, v) => {
        x.tasks[i]![prop] = v;
      });
    }
  });
  numbered(r.projects, (p) => `project:${p.name}`).forEach(({ item: p, base, n, of }, i) => {
    const path = withN(base, n, of);
    for (const [prop, label] of [
      ["budget", "预算数"],
      ["executed", "执行数"],
      ["rate", "执行率"],
    ] as const) {
      figure(`${path}:${prop}`, `项目“${p.name}”${label}`, p[prop], (x, v) => {
        x.projects[i]![prop] = asFig(v);
      });
    }
  });
  text("problems", "存在的问题", r.problems, (x, v) => {
    x.problems = v;
  });
  text("next_steps", "改进措施", r.next_steps, (x, v) => {
    x.next_steps = v;
  });
  return out;
}

/** A path as typed: NFKC (a full-width colon typed in an input method is the same path), trimmed. */
export const normalizePath = (p: string): string => p.normalize("NFKC").trim();

export function resolveField(r: Report, path: string): FieldTarget | undefined {
  const p = normalizePath(path);
  const targets = fieldTargets(r);
  return (
    targets.find((t) => t.path === p) ??
    // `income:事业收入#1` is the bare path's value.
    targets.find((t) => t.path === p.replace(/#1(?=$|:)/, ""))
  );
}

/** Where a page and box point at a value: the field path behind a finding's evidence. */
export function targetAt(
  targets: readonly FieldTarget[],
  page: number,
  bbox: readonly number[],
): FieldTarget | undefined {
  const key = bbox.map((v) => Math.round(v * 10)).join(",");
  return targets.find(
    (t) => t.value.prov.page === page && t.value.prov.bbox.map((v) => Math.round(v * 10)).join(",") === key,
  );
}
