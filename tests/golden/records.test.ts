/** The validated record of each text sample against its reviewed golden JSON. */
import { describe, expect, it } from "vitest";
import { Report } from "../../schemas/report.js";
import { expectGolden } from "../helpers/golden.js";
import { extractSample, TEXT_SAMPLES } from "../helpers/read-sample.js";

describe("record goldens", () => {
  for (const name of TEXT_SAMPLES) {
    it(name, async () => {
      const r = await extractSample(name);
      const parsed = Report.safeParse(r.record);
      expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
      const rec = parsed.data!;
      expectGolden(`record-${name.replace(/\.pdf$/, "")}`, { ...rec, source_path: name });
    });
  }
});
