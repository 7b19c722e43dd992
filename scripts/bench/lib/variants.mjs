// Varied fictional reports for the benchmarks. Each one is a copy of one of the three 云岭市青川区
// source records (scripts/samples/source/qingchuan-reports.mjs) with a different department,
// year, base amounts, staff counts and indicator targets, drawn from a seeded PRNG. Only base
// figures are varied here: every total, share, rate, change and score is then derived by the
// samples' own builder (scripts/samples/lib/qingchuan.mjs), which also renders the document and
// writes the truth JSON — so a generated PDF and its truth cannot disagree, exactly as for the
// samples.
//
// Report i is a pure function of i (its PRNG is seeded by the index and its department's by the
// department), and its prior-year total is report i − DEPARTMENTS's total, which has a smaller
// index: the first k reports are the same files whatever the corpus size.
import { fen, pct, sum, yuanText } from "../../samples/lib/money.mjs";
import { deriveFigures } from "../../samples/lib/qingchuan.mjs";
import { rng } from "../../samples/lib/scan.mjs";
import { REPORTS } from "../../samples/source/qingchuan-reports.mjs";

/** Bump when the variants change, so cached corpora are rebuilt. */
export const VARIANTS_VERSION = 1;

// Invented places (none of them the samples' or the seed's). Peers for the cross-department
// rules are departments of one region and year, so each region has ten departments.
const REGIONS = ["云岭市东岚区", "云岭市溪北区", "澄湖市南屿区", "澄湖市望川县", "石岚市北汀区"];

// A department keeps one house style for all its years, so its indicators match across years.
const KINDS = [
  { name: "卫生健康局", template: "qingchuan-health-2022", self: "本局" },
  { name: "民政局", template: "qingchuan-health-2023", self: "本局" },
  { name: "教育局", template: "qingchuan-health-2022", self: "本局" },
  { name: "人力资源和社会保障局", template: "qingchuan-health-2023", self: "本局" },
  { name: "农业农村局", template: "qingchuan-health-2022", self: "本局" },
  { name: "住房和城乡建设局", template: "qingchuan-health-2023", self: "本局" },
  { name: "医疗保障局", template: "qingchuan-health-2022", self: "本局" },
  { name: "文化广电旅游体育局", template: "qingchuan-culture-2023", self: "本单位" },
  { name: "图书馆", template: "qingchuan-culture-2023", self: "本馆" },
  { name: "文化馆", template: "qingchuan-culture-2023", self: "本馆" },
];

export const DEPARTMENTS = REGIONS.length * KINDS.length;
export const FIRST_YEAR = 2005;
/** Share of reports with a planted discrepancy (a misstated rate or a misprinted function class). */
export const PLANT_SHARE = 0.05;

const TEMPLATES = new Map(REPORTS.map((r) => [r.id, r]));

export function departmentOf(d) {
  const region = REGIONS[Math.floor(d / KINDS.length) % REGIONS.length];
  const kind = KINDS[d % KINDS.length];
  return { ...kind, name: `${region}${kind.name}` };
}

const uniform = (random, lo, hi) => lo + (hi - lo) * random();
const pick = (random, list) => list[Math.floor(random() * list.length)];
/** Round fen to a multiple of `step` fen (never to zero). */
const roundTo = (f, step) => Math.max(step, Math.round(f / step) * step);
const YUAN = 100;

/** Decimals printed in a number as written ("2.93" → 2). */
const decimalsOf = (s) => (s.split(".")[1] ?? "").length;
const TARGET = /^(≥|≤)?(\d+(?:\.\d+)?)(.*?)(以上|以下)?$/;

/**
 * A target and its actual value moved together, so a met target stays met and a missed one stays
 * missed (the scores in the source record depend on it). Percentages shift by `dp` points, counts
 * scale by `k`; 100% targets, zero counts and text stay as printed.
 */
function varyIndicator(target, actual, dp, k) {
  const t = TARGET.exec(target);
  const a = TARGET.exec(actual);
  if (!t || !a || t[3] !== a[3]) return { target, actual };
  const unit = t[3];
  const tv = Number(t[2]);
  const av = Number(a[2]);
  if (unit === "%") {
    const nt = tv + dp;
    if (tv >= 100 || dp === 0 || nt >= 100) return { target, actual };
    const na = Math.min(100, Math.max(0, av + dp));
    return {
      target: `${t[1] ?? ""}${nt.toFixed(decimalsOf(t[2]))}%${t[4] ?? ""}`,
      actual: `${na.toFixed(decimalsOf(a[2]))}%`,
    };
  }
  if (tv === 0) return { target, actual };
  const td = decimalsOf(t[2]);
  const ad = decimalsOf(a[2]);
  const met = av >= tv;
  const nt = Number((tv * k).toFixed(td));
  let na = Number((av * k).toFixed(ad));
  // Rounding may move the actual across the target: nudge it back by one printed unit.
  const step = 10 ** -ad;
  while (nt > 0 && na >= nt !== met) na = Number((na + (met ? step : -step)).toFixed(ad));
  if (nt <= 0 || na < 0) return { target, actual };
  return {
    target: `${t[1] ?? ""}${nt.toFixed(td)}${unit}${t[4] ?? ""}`,
    actual: `${na.toFixed(ad)}${unit}`,
  };
}

/**
 * The source record of report i (the shape of source/qingchuan-reports.mjs) and its derived
 * figures. `expenditureOf(j)` returns report j's derived expenditure in fen (j < i).
 */
export function variantRecord(i, expenditureOf) {
  const d = i % DEPARTMENTS;
  const generation = Math.floor(i / DEPARTMENTS);
  const year = FIRST_YEAR + generation;
  const dept = departmentOf(d);
  const base = TEMPLATES.get(dept.template);
  if (!base) throw new Error(`template ${dept.template} not found`);
  // Stable per department (its size, staff and targets), then varied per report.
  const dr = rng(`bench-department-${d}`);
  const deptScale = uniform(dr, 0.78, 1.22);
  const staffScale = uniform(dr, 0.6, 1.5);
  const targetScale = uniform(dr, 0.75, 1.35);
  const rateTarget = pick(dr, [90, 95]);
  const indicatorShift = base.indicators.map(() => pick(dr, [-5, -3, 0, 0, 0, 2, 3]));

  const random = rng(`bench-report-${i}`);
  const scale = deptScale * uniform(random, 0.9, 1.1); // with deptScale: about ±30% around the source
  const line = ([item, amount], jitter = 0.06) =>
    amount == null
      ? [item, null]
      : [item, roundTo(fen(amount) * scale * uniform(random, 1 - jitter, 1 + jitter), 1)];

  // Draw until the derived remainders are positive (a few tries at most): 项目支出 is by_function
  // minus 基本支出, its last economic class is the remainder, and so is the last income source.
  let byFunction;
  let basic;
  let project;
  let income;
  let expenditure;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 100) throw new Error(`report ${i}: no consistent draw`);
    byFunction = base.by_function.map((l) => line(l));
    basic = base.basic.map((l) => line(l));
    project = base.project.map((l) => line(l));
    expenditure = sum(byFunction.map(([, f]) => f));
    const projectTotal = expenditure - sum(basic.map(([, f]) => f));
    const remainder = projectTotal - sum(project.filter(([, f]) => f != null).map(([, f]) => f));
    if (remainder < expenditure * 0.03) continue;
    // Without 上年结转 income equals expenditure; with it, a carry-over of 0.5–4% is left over.
    const carry = base.income.some(([item]) => item === "上年结转");
    const incomeTotal = carry ? Math.round(expenditure * uniform(random, 1.005, 1.04)) : expenditure;
    income = base.income.map((l) => line(l));
    const last = income.length - 1;
    income[last][1] = incomeTotal - sum(income.slice(0, last).map(([, f]) => f));
    if (income[last][1] < incomeTotal * 0.01) continue;
    break;
  }
  const rate = uniform(random, 0.84, 0.995);
  const budgetTotal = roundTo(expenditure / rate, 10 * YUAN);
  const budgetInitial = roundTo(budgetTotal * uniform(random, 0.88, 0.97), 10_000 * YUAN);
  const prior =
    generation > 0 ? expenditureOf(i - DEPARTMENTS) : roundTo(expenditure / uniform(random, 0.92, 1.12), 1);
  const trueRate = pct(expenditure, budgetTotal);

  // Planted discrepancies, as the samples plant them (truth lists them under `discrepancies`).
  const plant = {};
  if (random() < PLANT_SHARE) {
    const what = random();
    if (what < 0.5) {
      const off = Math.round(uniform(random, 0.8, 3) * 100) / 100;
      plant.stated_rate = Math.round((trueRate > 97 ? trueRate - off : trueRate + off) * 100) / 100;
    } else {
      const delta = Math.round(uniform(random, 10, 900)) * 100 * (random() < 0.5 ? -1 : 1);
      plant.by_function_print_delta = [byFunction[0][0], yuanText(delta * YUAN)];
    }
  }
  const statedRate = plant.stated_rate ?? trueRate;

  const projects = base.projects.map(([name, b]) => {
    const budget = roundTo(fen(b) * scale * uniform(random, 0.94, 1.06), 10_000 * YUAN);
    const executed = random() < 0.25 ? budget : roundTo(budget * uniform(random, 0.86, 0.995), 1);
    return [name, yuanText(budget), yuanText(executed)];
  });
  const tasks = base.tasks.map(([name, planned, completion]) => [
    name,
    yuanText(roundTo(fen(planned) * scale * uniform(random, 0.94, 1.06), 10_000 * YUAN)),
    completion,
  ]);

  const yearScale = targetScale * uniform(random, 0.97, 1.03);
  const indicators = base.indicators.map((row, k) => {
    const [level1, level2, level3, target, actual, weight, score, deviation] = row;
    if (actual === "@rate") {
      // The rate indicator is scored from the printed rate: full marks only if it meets the target.
      const met = statedRate >= rateTarget;
      const partial = Math.min(
        weight - 0.5,
        Math.round(weight * Math.max(0.5, 1 - (rateTarget - statedRate) / 20) * 10) / 10,
      );
      return [
        level1,
        level2,
        level3,
        `≥${rateTarget}%`,
        "@rate",
        weight,
        met ? weight : partial,
        met ? deviation : "部分项目资金年底前未完成支付，预算执行率未达目标。下一步加快项目支付进度。",
      ];
    }
    const v = varyIndicator(target, actual, indicatorShift[k], yearScale);
    // A missed target keeps a partial score, drawn anew (the self score and grade vary with it).
    const s =
      score < weight
        ? Math.min(weight - 0.1, Math.round(weight * uniform(random, 0.55, 0.95) * 10) / 10)
        : score;
    return [level1, level2, level3, v.target, v.actual, weight, s, deviation];
  });

  const p = base.personnel;
  const authorized = Math.max(8, Math.round(p.authorized * staffScale));
  const admin = Math.round(authorized / 4);
  const personnel = {
    authorized,
    authorized_note: `其中行政编制 ${admin} 名、事业编制 ${authorized - admin} 名`,
    in_service: authorized - Math.floor(random() * 5),
    retired: Math.round(p.retired * staffScale * uniform(random, 0.85, 1.15)),
    contract: Math.round(p.contract * staffScale * uniform(random, 0.85, 1.15)),
  };

  const r = {
    ...base,
    id: `bench-${String(i + 1).padStart(5, "0")}`,
    department: dept.name,
    self: dept.self,
    fiscal_year: year,
    report_date: `${year + 1}年3月${10 + Math.floor(random() * 19)}日`,
    personnel,
    budget: { initial: yuanText(budgetInitial), total: yuanText(budgetTotal) },
    income: income.map(([item, f]) => [item, yuanText(f)]),
    by_function: byFunction.map(([item, f]) => [item, yuanText(f)]),
    basic: basic.map(([item, f]) => [item, yuanText(f)]),
    project: project.map(([item, f]) => [item, f == null ? null : yuanText(f)]),
    prior_total: yuanText(prior),
    prior_from: undefined,
    yoy_reason: expenditure >= prior ? base.yoy_reason : "部分一次性建设项目完成后相关支出相应减少",
    projects,
    tasks,
    indicators,
    // Only the base record's table layout: the page it crosses depends on the content now.
    indicator_table: { repeatHeader: !!base.indicator_table?.repeatHeader },
    plant: Object.keys(plant).length > 0 ? plant : undefined,
    mixed: undefined,
  };
  const f = deriveFigures(r, new Map());
  if (f.expenditure !== expenditure)
    throw new Error(`report ${i}: derived expenditure differs from the draw`);
  return { r, f, department: dept, year };
}

/** Report records 0..count−1, each with its derived figures (prior years resolved in order). */
export function variantRecords(count) {
  const out = [];
  const expenditureOf = (j) => out[j].f.expenditure;
  for (let i = 0; i < count; i++) out.push(variantRecord(i, expenditureOf));
  return out;
}
