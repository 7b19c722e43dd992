/**
 * copy_mismatch: two files of the same report (a scan and its Word original, a re-export) read
 * differently. Either one file's reading is wrong (an OCR misread: worth a correction) or the files
 * themselves differ — a scan that is not what was published is news for an auditor.
 */
import Big from "big.js";
import { evidence, makeFinding, printed } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { compareReadings } from "../same-report.js";
import { differenceOf, judge } from "../tolerance.js";
import { oneDigitOcrDifference } from "./restated-mismatch.js";

export const copyMismatchRule: RuleOf<"copies"> = {
  id: "copy_mismatch",
  scope: "copies",
  severity: "warning",
  name: "同一报告不同文件读数不一致",
  explanation: "同一份报告的两个文件（如原件与扫描件、重新导出的版本）中同一数字读数不同。",
  run(copy, canonical) {
    return compareReadings(copy, canonical).differ.map((d) => {
      const ocrDigit = oneDigitOcrDifference(d.value, d.other);
      const where = (file: string, p: { page: number }) => `《${file}》第${p.page}页`;
      return makeFinding(copy, {
        rule: "copy_mismatch",
        scope: "copies",
        // One misread digit in a scan is a reading to correct, not a second version of the report.
        severity: ocrDigit ? "info" : "warning",
        field: d.field,
        stated: d.value,
        expected: new Big(d.other.value),
        verdict: judge(d.value, differenceOf(d.other, { value: "0", ulp: "0" })),
        other: canonical,
        otherPage: d.other.prov.page,
        message: `同一报告的两个文件读数不一致：“${d.label}”在${where(copy.source_file, d.value.prov)}为${printed(d.value)}，在${where(canonical.source_file, d.other.prov)}为${printed(d.other)}${ocrDigit ? "，仅差一位数字，多为扫描件识别误差" : ""}，请对照原件核实。`,
        evidence: [
          evidence(copy, "this file", d.value.prov),
          evidence(canonical, "other file", d.other.prov),
        ],
      });
    });
  },
};
