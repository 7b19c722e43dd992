/**
 * A check rule, eslint style: its meta (stable id, what it runs over, the severity of a clear
 * violation, its name and explanation in the words an auditor uses) and `run`. The list of rules
 * and their order is `pipelines/rules.ts`; the runner (run-checks.ts) receives it as an argument.
 */
import type { Correction } from "../../schemas/correction.js";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";

/**
 * What a rule runs over: one report; one file's reading against the canonical reading of the same
 * report (`copies`); a department's consecutive years; every year of the departments
 * (`department_years`: a name read otherwise in one year than in the others); the departments of
 * one region and year.
 */
export type RuleScope = Finding["scope"];
export type Severity = Finding["severity"];

export interface RuleMeta {
  /** Stable rule id (discrepancies.csv `rule`); one id may run in more than one scope. */
  id: string;
  scope: RuleScope;
  /** The severity of a clear violation; rounding-level differences are reported lower. */
  severity: Severity;
  /** Chinese name and one-sentence explanation, for the report and `selfeval check --rules`. */
  name: string;
  explanation: string;
}

/** What a `department_years` rule is told besides the reports. */
export interface YearsContext {
  /** Every correction recorded (oldest first), whoever made it: a field an auditor ruled on is theirs. */
  corrections: readonly Correction[];
  /** The department key of a printed name (aliases applied), from the identity service. */
  keys?: (name: string) => string;
}

/** Who the corrections `check` records are by (source `check:RULE`). */
export const CHECK_AUTHOR = "selfeval check";
export const checkSource = (ruleId: string): string => `check:${ruleId}`;
/** Whether `check` recorded it (not an auditor). */
export const byCheck = (c: Pick<Correction, "author" | "source">): boolean =>
  c.author === CHECK_AUTHOR && c.source.startsWith("check:");

/**
 * A correction a rule proposes from the other years' evidence; `check` records it (author
 * `selfeval check`, source `check:RULE`) like an auditor's, so it is listed, exported and undone alike.
 */
export type ProposedCorrection = Pick<
  Correction,
  "report_id" | "field" | "value" | "original" | "page" | "reason"
>;

export type Rule =
  | (RuleMeta & { scope: "report"; run: (report: Report) => Finding[] })
  | (RuleMeta & { scope: "copies"; run: (copy: Report, canonical: Report) => Finding[] })
  | (RuleMeta & { scope: "cross_year"; run: (current: Report, previous: Report) => Finding[] })
  | (RuleMeta & {
      scope: "department_years";
      run: (reports: readonly Report[], ctx: YearsContext) => Finding[];
      /** Corrections to record before the checks run (none for a rule that only flags). */
      propose?: (reports: readonly Report[], ctx: YearsContext) => ProposedCorrection[];
    })
  | (RuleMeta & { scope: "cross_department"; run: (peers: readonly Report[]) => Finding[] });

export type RuleOf<S extends RuleScope> = Extract<Rule, { scope: S }>;

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
