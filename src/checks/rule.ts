/**
 * A check rule, eslint style: its meta (stable id, what it runs over, the severity of a clear
 * violation, its name and explanation in the words an auditor uses) and `run`. The list of rules
 * and their order is `pipelines/rules.ts`; the runner (run-checks.ts) receives it as an argument.
 */
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";

/**
 * What a rule runs over: one report; one file's reading against the canonical reading of the same
 * report (`copies`); a department's consecutive years; the departments of one region and year.
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

export type Rule =
  | (RuleMeta & { scope: "report"; run: (report: Report) => Finding[] })
  | (RuleMeta & { scope: "copies"; run: (copy: Report, canonical: Report) => Finding[] })
  | (RuleMeta & { scope: "cross_year"; run: (current: Report, previous: Report) => Finding[] })
  | (RuleMeta & { scope: "cross_department"; run: (peers: readonly Report[]) => Finding[] });

export type RuleOf<S extends RuleScope> = Extract<Rule, { scope: S }>;

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
