/**
 * The check rules, one line per rule, in the order they run (eslint style: each module under
 * src/checks/rules/ holds its id, scope, severity, Chinese name and `run`). `selfeval check` runs
 * this list; disabling a rule is removing its line, lowering its severity is changing its entry.
 */
// Some rules read label words of the definitions (name_across_years: the body-kind characters): taking
// the rule list loads them.
import "./definitions.js";
import type { Rule } from "../src/checks/rule.js";
import { copyMismatchRule } from "../src/checks/rules/copy-mismatch.js";
import { gradeMismatchRule } from "../src/checks/rules/grade-mismatch.js";
import { indicatorDroppedRule } from "../src/checks/rules/indicator-dropped.js";
import { indicatorTargetJumpRule } from "../src/checks/rules/indicator-target-jump.js";
import { nameAcrossYearsRule } from "../src/checks/rules/name-across-years.js";
import { peerOutlierRule } from "../src/checks/rules/peer-outlier.js";
import { priorYearRestatedRule } from "../src/checks/rules/prior-year-restated.js";
import { rateMismatchRule } from "../src/checks/rules/rate-mismatch.js";
import { restatedMismatchRule } from "../src/checks/rules/restated-mismatch.js";
import { scoreResultMismatchRule } from "../src/checks/rules/score-result-mismatch.js";
import { scoreSumMismatchRule } from "../src/checks/rules/score-sum-mismatch.js";
import { scoreVsExecutionRule } from "../src/checks/rules/score-vs-execution.js";
import { shareMismatchRule } from "../src/checks/rules/share-mismatch.js";
import { sumMismatchRule } from "../src/checks/rules/sum-mismatch.js";
import { textRepeatedRule } from "../src/checks/rules/text-repeated.js";
import { yoyMismatchRule } from "../src/checks/rules/yoy-mismatch.js";

export const rules: Rule[] = [
  // within one report (the canonical reading of each report)
  sumMismatchRule, //           parts do not add up to their stated total
  shareMismatchRule, //         a stated share ≠ amount ÷ whole
  rateMismatchRule, //          a stated execution rate ≠ executed ÷ budget
  restatedMismatchRule, //      one figure printed twice with different values
  gradeMismatchRule, //         the grade is not the score's band
  scoreSumMismatchRule, //      indicator scores do not add up to the self score
  scoreResultMismatchRule, //   a missed target scored in full
  // two files of one report
  copyMismatchRule, //          the files read differently
  // every year of the departments together (its corrections are recorded before the checks run)
  nameAcrossYearsRule, //       a name one character off the one every other year prints
  // consecutive years of one department
  yoyMismatchRule, //           the stated change ≠ this year's total − last year's
  priorYearRestatedRule, //     last year's total restated differently
  indicatorDroppedRule, //      last year's indicator gone
  indicatorTargetJumpRule, //   an indicator's target doubled or halved
  textRepeatedRule, //          problems / next steps copied from last year
  // the departments of one region and year
  peerOutlierRule, //           far from the peers (robust z > 3.5)
  scoreVsExecutionRule, //      优 with a low execution rate
];
