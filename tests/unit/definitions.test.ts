/** The definitions in pipelines/ are validated when loaded: a wrong entry is one error naming its file and key. */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { labels } from "../../pipelines/labels.js";
import { indicatorTables } from "../../pipelines/tables/indicators.js";
import { vocabulary } from "../../pipelines/vocabulary.js";
import { DefinitionError, loadDefinitions } from "../../src/extract/definitions.js";

const base = [
  { file: "pipelines/vocabulary.ts", vocabulary },
  { file: "pipelines/labels.ts", labels },
  { file: "pipelines/tables/indicators.ts", tables: indicatorTables },
];

describe("loadDefinitions", () => {
  it("loads the shipped definitions", () => {
    expect(definitions.tables.length).toBeGreaterThan(0);
    expect(definitions.vocabulary.labels.anchorOrder.length).toBeGreaterThan(0);
  });

  it("names the file and key of a pattern that does not compile", () => {
    const bad = { ...labels, score: { ...labels.score, prose: [labels.score.prose[0]!, "(unclosed"] } };
    expect(() => loadDefinitions([base[0]!, { file: "pipelines/labels.ts", labels: bad }])).toThrow(
      /^pipelines\/labels\.ts: labels\.score\.prose\.1: not a valid regular expression/,
    );
  });

  it("names a comparator word of targets that does not compile", () => {
    const bad = { ...labels, targets: { ...labels.targets, atLeast: "^(不低于|" } };
    expect(() => loadDefinitions([base[0]!, { file: "pipelines/labels.ts", labels: bad }])).toThrow(
      /^pipelines\/labels\.ts: labels\.targets\.atLeast: not a valid regular expression/,
    );
  });

  it("names an unknown key and a missing one", () => {
    const extra = { ...vocabulary, staffCount: [] };
    expect(() => loadDefinitions([{ file: "v.ts", vocabulary: extra }, base[1]!])).toThrow(DefinitionError);
    expect(() => loadDefinitions([{ file: "v.ts", vocabulary: extra }, base[1]!])).toThrow(
      /^v\.ts: vocabulary/,
    );
    const { rows: _rows, ...missing } = labels;
    expect(() => loadDefinitions([base[0]!, { file: "l.ts", labels: missing }])).toThrow(
      /^l\.ts: labels\.rows: /,
    );
  });

  it("names a table whose required field has no column", () => {
    const t = [{ kind: "tasks", columns: { name: ["^名称$"] }, required: ["name", "planned"] }];
    expect(() =>
      loadDefinitions([...base.slice(0, 2), { file: "pipelines/tables/x.ts", tables: t }]),
    ).toThrow(
      /^pipelines\/tables\/x\.ts: tables\.0\.required: required field “planned” has no column patterns/,
    );
  });
});
