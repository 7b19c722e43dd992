/**
 * npm run bench:check — `selfeval check` over a database of 10,000 reports (target ≤ 10 s).
 *
 * The database is synthetic: the 5 text samples are extracted once, then their Report records are
 * cloned BENCH_REPORTS times (default 10,000) as ≈ 500 departments (25 invented regions × 20 kinds)
 * × 20 years, so the cross-year rules see 19 consecutive pairs per department and the
 * cross-department rules groups of 20 peers. Each clone gets a new report_id, department and year,
 * amounts scaled by a random factor (big.js, rounded to the figure's own printed precision `ulp`),
 * a slightly different budget (so execution rates differ), staff counts varied, and about 5% get a
 * deliberate inconsistency so the rules have something to find. A department's yearly factors are
 * chained through the stated change against last year, so consistent pairs stay consistent.
 *
 * Timed: checkDatabase(db) on a fresh connection (load + rules + store, what `selfeval check` does),
 * then the same three steps one by one (loadReports / runChecks / storeFindings, the rules also
 * split into within-report / cross-year / cross-department), then the real CLI `selfeval check
 * --quiet` in a fresh process under GNU time. BENCH_PROFILE=1 also runs the CLI with --cpu-prof
 * and prints the hottest functions.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Big from "big.js";
import { ingestStages } from "../pipelines/ingest.js";
import { rules } from "../pipelines/rules.js";
import type { Finding } from "../schemas/finding.js";
import type { Figure } from "../schemas/provenance.js";
import type { HeadlineKey, Report } from "../schemas/report.js";
import { DepartmentIdentity, regionOf } from "../src/checks/department-identity.js";
import {
  checkDatabase,
  checkPeers,
  checkReport,
  checkYearPair,
  runChecks,
} from "../src/checks/run-checks.js";
import { defaultContext, processFile } from "../src/cli/load-document.js";
import { openStore } from "../src/store/store.js";
import { CLI, codeLine, machineBusyTicks, ROOT, TEXT_SAMPLES, warnIfBusy } from "./ingest.js";
import { machineLine, peakRssMb } from "./machine.js";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000);
const TARGET_S = 10;
const FIRST_YEAR = 2005;
const CITIES = ["云岭市", "澄湖市", "石岚市", "青漪市", "枫屿市"];
const DISTRICTS = ["东岚区", "溪北区", "南屿区", "望川县", "北汀区"];
const KINDS = [
  "卫生健康局",
  "民政局",
  "教育局",
  "人力资源和社会保障局",
  "农业农村局",
  "住房和城乡建设局",
  "医疗保障局",
  "文化广电旅游体育局",
  "交通运输局",
  "水利局",
  "自然资源局",
  "生态环境局",
  "市场监督管理局",
  "应急管理局",
  "司法局",
  "统计局",
  "审计局",
  "林业局",
  "商务局",
  "退役军人事务局",
];
const DEPARTMENTS = CITIES.length * DISTRICTS.length * KINDS.length; // 500
const AMOUNT_KEYS = new Set<HeadlineKey>([
  "budget_total",
  "initial_budget",
  "executed_total",
  "income_total",
  "expenditure_total",
  "basic_total",
  "project_total",
  "yoy_change",
  "prior_expenditure_total",
]);
/** Scaled by the budget factor as well, which is what moves the execution rate. */
const BUDGET_KEYS = new Set<HeadlineKey>(["budget_total", "initial_budget"]);

/** mulberry32, as scripts/samples/lib/scan.mjs: deterministic material run after run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** value × k rounded to a multiple of ulp, written as the extractor writes it (no trailing zeros). */
function scaled(value: string, ulp: string, k: Big): string {
  const u = new Big(ulp);
  const decimals = (ulp.split(".")[1] ?? "").length;
  const s = new Big(value).times(k).div(u).round(0, Big.roundHalfUp).times(u).toFixed(decimals);
  const t = s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return t === "-0" ? "0" : t;
}

const withValue = (f: Figure, value: string): Figure => ({ ...f, value });

type Plant = "sum" | "rate" | "yoy" | "grade";
const PLANTS: Plant[] = ["sum", "rate", "yoy", "grade"];
/** The rule each deliberate inconsistency should trip. */
const PLANT_RULE: Record<Plant, string> = {
  sum: "sum_mismatch",
  rate: "rate_mismatch",
  yoy: "yoy_mismatch",
  grade: "grade_mismatch",
};

interface Clone {
  report: Report;
  plant?: Plant;
}

const totalOf = (r: Report): Figure | undefined => r.headline.expenditure_total ?? r.headline.executed_total;

/** Last year's total implied by a template: its total minus its stated change. */
function growthOf(t: Report): Big | undefined {
  const total = totalOf(t);
  const change = t.headline.yoy_change;
  if (!total || !change) return undefined;
  const prior = new Big(total.value).minus(change.value);
  return prior.gt(0) ? new Big(total.value).div(prior) : undefined;
}

function cloneReport(
  t: Report,
  i: number,
  department: string,
  year: number,
  k: Big,
  budgetFactor: Big,
  staffFactor: number,
  plant: Plant | undefined,
): Report {
  const r = structuredClone(t);
  r.report_id = createHash("sha256").update(`bench-check-${i}`).digest("hex");
  r.source_file = `bench-check-${String(i + 1).padStart(5, "0")}.pdf`;
  r.source_path = `/bench/check/${r.source_file}`;
  if (r.department) r.department = { ...r.department, value: department };
  if (r.fiscal_year) r.fiscal_year = withValue(r.fiscal_year, String(year));
  // The same transformation for a headline figure and its statements: saveReport matches them by value.
  const amount = (key: HeadlineKey, f: Figure): Figure =>
    withValue(f, scaled(f.value, f.ulp, BUDGET_KEYS.has(key) ? k.times(budgetFactor) : k));
  // A stated rate follows the new amounts (the budget factor moves it): stated within rounding of
  // executed ÷ budget stays so, a misstated one (the samples plant one) stays off by as much.
  const executedKey = t.headline.executed_total ? "executed_total" : "expenditure_total";
  const executed = t.headline[executedKey];
  const budget = t.headline.budget_total;
  const rateOf = (e: Figure, b: Figure): Big | undefined =>
    new Big(b.value).eq(0) ? undefined : new Big(e.value).times(100).div(b.value);
  const oldRate = executed && budget ? rateOf(executed, budget) : undefined;
  const newRate =
    executed && budget ? rateOf(amount(executedKey, executed), amount("budget_total", budget)) : undefined;
  const figure = (key: HeadlineKey, f: Figure): Figure => {
    if (AMOUNT_KEYS.has(key)) return amount(key, f);
    if (key === "execution_rate" && oldRate && newRate) {
      const off = new Big(f.value).minus(oldRate);
      const kept = off.abs().gt(new Big(f.ulp).div(2)) ? off : new Big(0);
      const stated = newRate.plus(kept).plus(plant === "rate" ? 2.5 : 0);
      return withValue(f, scaled(stated.toFixed(12), f.ulp, new Big(1)));
    }
    return f; // shares and percentages do not change when every amount scales alike
  };
  r.statements = r.statements.map((s) => ({ ...s, figure: figure(s.key, s.figure) }));
  for (const key of Object.keys(r.headline) as HeadlineKey[]) r.headline[key] = figure(key, r.headline[key]!);
  if (plant === "yoy" && r.headline.yoy_change) {
    const bump = (f: Figure): Figure => withValue(f, scaled(f.value, f.ulp, new Big(1.1)));
    r.headline.yoy_change = bump(r.headline.yoy_change);
    r.statements = r.statements.map((s) => (s.key === "yoy_change" ? { ...s, figure: bump(s.figure) } : s));
  }
  r.budget_lines = r.budget_lines.map((l, n) => ({
    ...l,
    amount: withValue(
      l.amount,
      scaled(l.amount.value, l.amount.ulp, plant === "sum" && n === 0 ? k.times(1.05) : k),
    ),
  }));
  r.projects = r.projects.map((p) => ({
    ...p,
    budget: p.budget && withValue(p.budget, scaled(p.budget.value, p.budget.ulp, k)),
    executed: p.executed && withValue(p.executed, scaled(p.executed.value, p.executed.ulp, k)),
  }));
  r.tasks = r.tasks.map((x) => ({
    ...x,
    planned: x.planned && withValue(x.planned, scaled(x.planned.value, x.planned.ulp, k)),
  }));
  for (const s of ["authorized", "in_service", "contract", "retired"] as const) {
    const f = r.staff[s];
    if (f) r.staff[s] = withValue(f, String(Math.max(1, Math.round(Number(f.value) * staffFactor))));
  }
  if (plant === "grade" && r.grade)
    r.grade = { ...r.grade, value: r.grade.value.length > 1 ? "不合格" : "差" };
  return r;
}

/** Department d's reports, year after year, with factors chained through the stated change. */
function makeClones(templates: readonly Report[], count: number): Clone[] {
  const clones: Clone[] = new Array(count);
  const factor = new Map<number, Big>(); // last factor per department
  for (let i = 0; i < count; i++) {
    const d = i % DEPARTMENTS;
    const generation = Math.floor(i / DEPARTMENTS);
    const t = templates[d % templates.length]!;
    const random = rng(i * 7919 + 17);
    const dr = rng(d * 104_729 + 3);
    const region = `${CITIES[Math.floor(d / (DISTRICTS.length * KINDS.length))]}${DISTRICTS[Math.floor(d / KINDS.length) % DISTRICTS.length]}`;
    const department = `${region}${KINDS[d % KINDS.length]}`;
    // This year's total ÷ the template's total: last year's factor × the template's growth keeps the
    // stated change equal to this total minus last year's (within rounding).
    const growth = growthOf(t) ?? new Big(1 + (random() - 0.4) * 0.1);
    const k =
      generation === 0
        ? new Big((0.7 + dr() * 0.6).toFixed(6))
        : factor.get(d)!.times(growth).round(12, Big.roundHalfUp);
    factor.set(d, k);
    const budgetFactor = new Big((0.97 + random() * 0.09).toFixed(6));
    const staffFactor = 0.6 + dr() * 0.9;
    let plant: Plant | undefined;
    if (random() < 0.05) {
      plant = PLANTS[Math.floor(random() * PLANTS.length)]!;
      if (plant === "yoy" && generation === 0) plant = "rate";
    }
    clones[i] = {
      report: cloneReport(t, i, department, FIRST_YEAR + generation, k, budgetFactor, staffFactor, plant),
      plant,
    };
  }
  return clones;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const fmt = (s: number): string => `${s.toFixed(2)} s`;

function count<T>(xs: readonly T[], key: (x: T) => string): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(key(x), (n.get(key(x)) ?? 0) + 1);
  return [...n.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

/** The rules of runChecks one family at a time (same grouping as src/checks/run-checks.ts). */
function timeRuleFamilies(reports: readonly Report[]): string {
  const identity = new DepartmentIdentity();
  const usable = reports.filter((r) => r.status === "ok" || r.status === "partial");
  let t0 = performance.now();
  let n = 0;
  for (const r of usable) n += checkReport(r, rules).length;
  const within = seconds(t0);
  t0 = performance.now();
  const byDept = new Map<string, Report[]>();
  for (const r of usable) {
    if (!r.department || !r.fiscal_year) continue;
    const key = identity.key(r.department.value);
    const list = byDept.get(key);
    if (list) list.push(r);
    else byDept.set(key, [r]);
  }
  let m = 0;
  for (const list of byDept.values()) {
    const byYear = new Map<number, Report>();
    for (const r of list)
      if (!byYear.has(Number(r.fiscal_year!.value))) byYear.set(Number(r.fiscal_year!.value), r);
    for (const r of list) {
      const prev = byYear.get(Number(r.fiscal_year!.value) - 1);
      if (prev) m += checkYearPair(r, prev, rules).length;
    }
  }
  const crossYear = seconds(t0);
  t0 = performance.now();
  const peers = new Map<string, Report[]>();
  for (const r of usable) {
    if (!r.department || !r.fiscal_year) continue;
    const key = `${regionOf(r.department.value)}|${r.fiscal_year.value}`;
    const list = peers.get(key);
    if (list) list.push(r);
    else peers.set(key, [r]);
  }
  let p = 0;
  for (const group of peers.values()) p += checkPeers(group, rules).length;
  const crossDept = seconds(t0);
  return `within-report ${fmt(within)} (${n}), cross-year ${fmt(crossYear)} (${m}, ${byDept.size} departments), cross-department ${fmt(crossDept)} (${p}, ${peers.size} region-years)`;
}

/**
 * Hot spots from a .cpuprofile: self time per function, hottest first, each with the project
 * functions that called it (the nearest caller outside big.js, so a big.js division is charged
 * to the rule that asked for it); then total time of the project's own functions.
 */
function hotSpots(file: string, top = 12): string[] {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }
  const prof = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (n: Node): string => {
    const url = n.callFrame.url.replace(/^file:\/\//, "").replace(`${ROOT}/`, "");
    return `${n.callFrame.functionName || "(anonymous)"} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const ours = (w: string): boolean => / dist\/(src|schemas|pipelines)\//.test(w);
  // The CLI frames above checkDatabase carry all the time and say nothing.
  const wrapper = (w: string): boolean => / dist\/src\/cli\//.test(w);
  const add = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };
  const self = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  let all = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    all += dt;
    const leaf = where(byId.get(id)!);
    add(self, leaf, dt);
    let caller: string | undefined;
    const seen = new Set<string>();
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const w = where(byId.get(at)!);
      if (!caller && ours(w) && w !== leaf) caller = w;
      if (!seen.has(w) && ours(w)) add(total, w, dt);
      seen.add(w);
    }
    if (ours(leaf)) add(total, leaf, dt);
    if (caller) {
      const m = callers.get(leaf) ?? new Map<string, number>();
      callers.set(leaf, m);
      add(m, caller, dt);
    }
  });
  const ms = (us: number): string => `${(us / 1000).toFixed(0)} ms`;
  const pct = (us: number): string => `${((100 * us) / all).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const out = [`profile of selfeval check: ${ms(all)} sampled; self time, with the project callers:`];
  for (const [w, us] of sorted(self)
    .filter(([w]) => !/^\((root|program|idle)\)/.test(w))
    .slice(0, top)) {
    out.push(`  ${ms(us).padStart(8)} ${pct(us).padStart(6)}  ${w}`);
    for (const [c, cu] of sorted(callers.get(w) ?? new Map()).slice(0, 4))
      if (cu >= us * 0.05) out.push(`  ${"".padStart(16)}  ${ms(cu).padStart(7)} from ${c}`);
  }
  out.push("total time of project functions (including callees):");
  for (const [w, us] of sorted(total)
    .filter(([w]) => !wrapper(w))
    .slice(0, top))
    out.push(`  ${ms(us).padStart(8)} ${pct(us).padStart(6)}  ${w}`);
  return out;
}

async function main(): Promise<void> {
  // Taken first: the commit the build was made from, not one someone makes meanwhile.
  const code = codeLine();
  await warnIfBusy();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-check-"));
  const dbFile = path.join(tmp, "check.db");
  try {
    let t0 = performance.now();
    const templates: Report[] = [];
    for (const name of TEXT_SAMPLES) {
      const result = await processFile(
        path.join(ROOT, "samples", name),
        ingestStages,
        defaultContext({ ocr: "never" }),
      );
      if (!result.record) throw new Error(`${name}: no record (${result.failure?.message ?? result.status})`);
      templates.push(result.record as Report);
    }
    const extractS = seconds(t0);
    // What the 5 samples give on their own: their clones inherit it (the seed's real
    // inconsistencies, the planted ones of qingchuan-health-2023).
    const own = runChecks(templates, { rules });
    t0 = performance.now();
    let clones: Clone[] | undefined = makeClones(templates, REPORTS);
    const cloneS = seconds(t0);
    t0 = performance.now();
    let db = await openStore(dbFile);
    await db.transaction(async (tx) => {
      for (const c of clones!) await tx.saveReport(c.report, 1);
    });
    await db.close();
    const insertS = seconds(t0);
    const dbMb = readdirSync(tmp)
      .filter((f) => f.startsWith("check.db"))
      .reduce((a, f) => a + statSync(path.join(tmp, f)).size, 0);
    const departments = new Set(clones.map((c) => c.report.department?.value)).size;
    const planted = clones.filter((c) => c.plant).map((c) => ({ id: c.report.report_id, plant: c.plant! }));
    // 10,000 records in this heap would slow the in-process timing below with garbage collection
    // that `selfeval check` does not have.
    clones = undefined;

    // 1. The CLI in a fresh process, as users run it: the number the target is about.
    const timeFile = path.join(tmp, "time.txt");
    const gnuTime = existsSync("/usr/bin/time");
    const cliArgs = [CLI, "check", "--db", dbFile, "--quiet"];
    t0 = performance.now();
    const busy0 = machineBusyTicks();
    const cli = gnuTime
      ? spawnSync("/usr/bin/time", ["-v", "-o", timeFile, process.execPath, ...cliArgs], { encoding: "utf8" })
      : spawnSync(process.execPath, cliArgs, { encoding: "utf8" });
    const cliS = seconds(t0);
    const machineCores = (machineBusyTicks() - busy0) / 100 / cliS;
    const timeReport = gnuTime ? readFileSync(timeFile, "utf8") : "";
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport)?.[1];
    const cliRss = kb ? Math.round(Number(kb) / 1024) : undefined;
    const cpu = ["User", "System"].reduce(
      (a, k) => a + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(timeReport)?.[1] ?? 0),
      0,
    );
    const others = gnuTime
      ? `, other processes ${Math.max(0, machineCores - cpu / cliS).toFixed(2)} cores`
      : "";

    // 2. checkDatabase(db) in this process, on a fresh connection.
    db = await openStore(dbFile);
    const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
    t0 = performance.now();
    let findings: Finding[] | undefined = await checkDatabase(db, { rules });
    const totalS = seconds(t0);
    const rssAfter = Math.round(process.memoryUsage().rss / 2 ** 20);
    const findingCount = findings.length;
    const bySeverity = count(findings, (f) => f.severity);
    const byRule = count(findings, (f) => `${f.rule}/${f.severity}`);
    // Did each deliberate inconsistency trip its rule?
    const found = new Set(
      findings.filter((f) => f.severity !== "info").map((f) => `${f.report_id}|${f.rule}`),
    );
    const missed = planted.filter((p) => !found.has(`${p.id}|${PLANT_RULE[p.plant]}`));
    // Released before the split below, which would otherwise run with two result sets alive.
    findings = undefined;

    // 3. The same steps one by one (a second pass: JIT and page cache warm).
    t0 = performance.now();
    const reports = await db.loadReports();
    const loadS = seconds(t0);
    t0 = performance.now();
    const again = runChecks(reports, { rules });
    const rulesS = seconds(t0);
    t0 = performance.now();
    await db.storeFindings(again);
    const storeS = seconds(t0);
    const families = timeRuleFamilies(reports);
    await db.close();

    const verdict = (x: number): string => `target ≤ ${TARGET_S} s ${x <= TARGET_S ? "met" : "NOT met"}`;
    console.log(`machine: ${machineLine()}`);
    console.log(`code: ${code}`);
    console.log(
      `database: ${REPORTS} reports (${departments} departments × ${Math.ceil(REPORTS / DEPARTMENTS)} years, from ${templates.length} samples), ${(dbMb / 2 ** 20).toFixed(0)} MB; extract ${fmt(extractS)}, clone ${fmt(cloneS)}, insert ${fmt(insertS)}`,
    );
    console.log(
      `selfeval check --quiet (CLI, fresh process): ${fmt(cliS)} (${verdict(cliS)}), exit ${cli.status}${cliRss !== undefined ? `, peak RSS ${cliRss} MB, CPU ${cpu.toFixed(1)} s` : ""}${others}`,
    );
    console.log(
      `checkDatabase(db) in this process: ${fmt(totalS)} (${verdict(totalS)}); RSS ${rssBefore} → ${rssAfter} MB`,
    );
    console.log(
      `  split (second pass): loadReports ${fmt(loadS)}, runChecks ${fmt(rulesS)}, storeFindings ${fmt(storeS)}`,
    );
    console.log(`  rules by family: ${families}`);
    console.log(`findings: ${findingCount} — ${bySeverity}`);
    console.log(`  by rule: ${byRule}`);
    console.log(
      `  the 5 samples alone give ${own.length} (${count(own, (f) => `${f.rule}/${f.severity}`)}); each is cloned ${REPORTS / templates.length}×`,
    );
    console.log(
      `deliberate inconsistencies: ${planted.length} (${count(planted, (p) => p.plant)}), caught ${planted.length - missed.length}${missed.length ? `, missed ${count(missed, (p) => p.plant)}` : ""}`,
    );
    console.log(`peak RSS of this process ${peakRssMb()} MB (includes building the database)`);

    if (process.env.BENCH_PROFILE === "1") {
      const dir = path.join(tmp, "prof");
      spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...cliArgs], { encoding: "utf8" });
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (file) for (const line of hotSpots(path.join(dir, file))) console.log(line);
    }
  } finally {
    if (process.env.BENCH_KEEP_DB === "1") console.error(`database kept: ${dbFile}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
