/** The pieces of glyph decoding that need no OCR: alignment, votes, lines, runs, priors. */
import { describe, expect, it } from "vitest";
import { decodeGlyphRuns, UNCERTAIN_CONF } from "../../src/glyphs/decode-runs.js";
import { glyphInventory, glyphKey } from "../../src/glyphs/glyph-inventory.js";
import { pageLines } from "../../src/glyphs/glyph-lines.js";
import { type GlyphVote, voteGlyph } from "../../src/glyphs/glyph-votes.js";
import type { GlyphMapEntry } from "../../src/glyphs/read-glyph-map.js";
import { alignRow } from "../../src/glyphs/recognise-glyphs.js";
import { angleOrRound, dashOrOne, raisedQuote } from "../../src/glyphs/shape-checks.js";
import { applyVocabularyPrior, hanBigrams, keepGlyphsDistinct } from "../../src/glyphs/vocabulary-prior.js";
import type { GlyphRun, PageGlyphs } from "../../src/pdf/page-glyphs.js";

const sym = (text: string, cx: number, conf = 90) => ({ text, cx, conf });
const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ cx: 30 + i * 60 }));

describe("alignRow", () => {
  it("gives each glyph its character in order when the counts agree", () => {
    const got = alignRow([sym("支", 999), sym("出", -5)], targets(2), [[], []], 60);
    expect(got.map((g) => g.text)).toEqual(["支", "出"]);
  });

  it("reads nothing from an unguided row with a character too many", () => {
    const got = alignRow([sym("支", 30), sym("人", 60), sym("出", 90)], targets(2), [[], []], 60);
    expect(got.map((g) => g.text)).toEqual(["", ""]);
  });

  it("aligns by earlier readings when a character was dropped, and trusts the row less", () => {
    const got = alignRow([sym("一", 30), sym("预", 150)], targets(3), [["一"], ["、"], ["预"]], 60);
    expect(got.map((g) => g.text)).toEqual(["一", "", "预"]);
    expect(got[0]!.conf).toBeLessThan(90);
  });
});

const v = (text: string, at: string, how: GlyphVote["how"] = "alone", conf = 90): GlyphVote => ({
  text,
  conf,
  how,
  at,
});

describe("voteGlyph", () => {
  it("decides a glyph when two independent readings agree", () => {
    const d = voteGlyph([v("良", "1:0:3"), v("良", "1:0:3", "context")], { fullWidth: true });
    expect(d).toMatchObject({ text: "良", agree: 2, total: 2, certain: true });
  });

  it("counts one occurrence read in overlapping context strips once", () => {
    const d = voteGlyph(
      [
        v("支", "1:2:4"),
        v("文", "1:2:4", "context"),
        v("文", "1:2:4", "context"),
        v("文", "1:2:4", "context"),
      ],
      { fullWidth: true },
    );
    expect(d.certain).toBe(false);
    expect(d.total).toBe(2);
  });

  it("is never sure of one reading, of two unsure ones, or of two characters for one glyph", () => {
    expect(voteGlyph([v("末", "a")], { fullWidth: true }).certain).toBe(false);
    expect(
      voteGlyph([v("恨", "a", "alone", 80), v("恨", "a", "context", 50)], { fullWidth: true }).certain,
    ).toBe(false);
    expect(voteGlyph([v("得人", "a"), v("得人", "b")], { fullWidth: true }).certain).toBe(false);
  });

  it("ignores Latin letters for a full-width glyph and Chinese for a narrow one", () => {
    const wide = voteGlyph([v("R", "a"), v("E", "b"), v("及", "c"), v("及", "d")], { fullWidth: true });
    expect(wide).toMatchObject({ text: "及", certain: true, total: 2 });
    expect(voteGlyph([v("口", "a"), v("0", "b"), v("0", "c")], { fullWidth: false }).text).toBe("0");
  });
});

const run = (
  font: string,
  baseline: number,
  codes: Array<[number, number, number]>,
  size = 10,
): GlyphRun => ({
  font,
  fontSize: size,
  baseline,
  glyphs: codes.map(([code, x0, x1]) => ({ code, unicode: String.fromCharCode(code), x0, x1 })),
});

describe("pageLines", () => {
  it("joins one line's runs in order, cuts it at a wide gap, and drops a glyph drawn twice", () => {
    const pg: PageGlyphs = {
      page: 1,
      fonts: [],
      runs: [
        run("f2", 100.5, [[3, 20, 30]]),
        run("f1", 100, [
          [1, 0, 10],
          [2, 10, 20],
        ]),
        run("f1", 100, [[2, 10.2, 20.2]]),
        run("f1", 100, [[4, 60, 70]]),
        run("f1", 140, [[5, 0, 10]]),
      ],
    };
    const lines = pageLines(pg);
    expect(lines.map((l) => l.glyphs.map((g) => g.code))).toEqual([[1, 2, 3], [4], [5]]);
  });
});

const entry = (text: string, certain = true, more: Partial<GlyphMapEntry> = {}): GlyphMapEntry => ({
  text,
  agree: certain ? 2 : 1,
  total: 2,
  conf: 90,
  certain,
  alternatives: [],
  blank: text === " ",
  ...more,
});

describe("decodeGlyphRuns", () => {
  it("cuts runs at blanks and gaps, and makes digits against an uncertain glyph uncertain too", () => {
    const map = new Map<string, GlyphMapEntry>([
      [glyphKey("f", 1), entry("收")],
      [glyphKey("f", 2), entry("入")],
      [glyphKey("f", 3), entry(" ")],
      [glyphKey("f", 4), entry("1")],
      [glyphKey("f", 5), entry("2", false)],
      [glyphKey("f", 6), entry("万")],
    ]);
    const runs = decodeGlyphRuns(
      [
        run("f", 100, [
          [1, 0, 10],
          [2, 10, 20],
          [3, 20, 25],
          [4, 25, 30],
          [5, 30, 35],
          [4, 35, 40],
          [6, 40, 50],
          [1, 80, 90],
        ]),
      ],
      map,
    );
    expect(runs.map((r) => [r.text, r.conf])).toEqual([
      ["收入", undefined],
      ["121", expect.any(Number)],
      ["万", undefined],
      ["收", undefined],
    ]);
    expect(runs[1]!.conf).toBeLessThanOrEqual(UNCERTAIN_CONF);
    expect(runs[1]).toMatchObject({ x0: 25, x1: 40 });
  });
});

describe("a sign read as a character", () => {
  it("makes the number printed apart from it in its cell uncertain", () => {
    const map = new Map<string, GlyphMapEntry>([
      [glyphKey("s", 1), entry("入", false, { alternatives: ["<"] })],
      [glyphKey("f", 8), entry("8")],
      [glyphKey("f", 5), entry("5")],
      [glyphKey("f", 6), entry("万")],
    ]);
    const runs = decodeGlyphRuns(
      [
        run("s", 100, [[1, 0, 10]]),
        run("f", 100, [
          [8, 22, 27],
          [5, 27, 32],
        ]),
        run("f", 100, [[6, 200, 210]]),
      ],
      map,
    );
    expect(runs.map((r) => [r.text, r.conf === undefined])).toEqual([
      ["入", false],
      ["85", false],
      ["万", true],
    ]);
  });
});

describe("lookalikes", () => {
  it("takes a horizontal stroke among Chinese characters for 一 and alone for a dash", () => {
    expect(dashOrOne("一", 0, 5)).toBe("—");
    expect(dashOrOne("一", 4, 5)).toBe("一");
    expect(dashOrOne("二", 0, 5)).toBe("二");
  });

  it("takes a stroke narrower than full width for the hyphen-minus, wherever it stands", () => {
    // The 扣分项 row's `-10` of a LibreOffice font without a Unicode map: read alone as — or 一.
    expect(dashOrOne("—", 0, 3, false)).toBe("-");
    expect(dashOrOne("一", 3, 3, false)).toBe("-");
    expect(dashOrOne("—", 0, 3, true)).toBe("—");
    expect(dashOrOne("7", 0, 3, false)).toBe("7");
  });

  it("takes a stroke reading whose ink is raised high in the em for the quotation mark its shape shows", () => {
    // A glyph alone as glyph-crops.ts cuts it: 48 px em, baseline 48 rows down, 60 rows in all.
    const strip = (ink: (x: number, y: number) => boolean) => {
      const width = 48;
      const height = 60;
      const data = new Uint8Array(width * height).fill(255);
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) data[y * width + x] = 0;
      return { image: { width, height, data }, parts: [{ x0: 0, x1: width, inked: true }] };
    };
    // Two marks, each a blob with a thin tail: blob above the tail (99) is ”, below it (66) is “.
    const marks = (blobTop: boolean) =>
      strip((x, y) => {
        const inMark = (x >= 6 && x < 14) || (x >= 18 && x < 26);
        const blob = blobTop ? y >= 6 && y < 13 : y >= 12 && y < 19;
        const tail = (blobTop ? y >= 13 && y < 19 : y >= 6 && y < 12) && (x % 12 === 8 || x % 12 === 9);
        return inMark && (blob || tail);
      });
    expect(raisedQuote("一", marks(true))).toBe("”");
    expect(raisedQuote("一", marks(false))).toBe("“");
    expect(raisedQuote("—", marks(true))).toBe("”");
    // 一 itself: a flat bar across the em at ~0.4 em above the baseline.
    expect(
      raisedQuote(
        "一",
        strip((x, y) => x >= 3 && x < 45 && y >= 27 && y < 31),
      ),
    ).toBeUndefined();
    // A neighbour's 。 caught low in the cut does not hide the raised mark.
    const withStop = strip((x, y) => {
      const mark =
        (x >= 6 && x < 14) || (x >= 18 && x < 26)
          ? (y >= 6 && y < 13) || (y >= 13 && y < 19 && x % 12 === 8)
          : false;
      const stop = x >= 28 && x < 40 && y >= 38 && y < 50 && (x === 28 || x === 39 || y === 38 || y === 49);
      return mark || stop;
    });
    expect(raisedQuote("-", withStop)).toBe("”");
    // Not a stroke reading: left alone whatever the ink.
    expect(raisedQuote("优", marks(true))).toBeUndefined();
    // A raised flat line (an overline) is no quotation mark either.
    expect(
      raisedQuote(
        "一",
        strip((x, y) => x >= 3 && x < 45 && y >= 8 && y < 10),
      ),
    ).toBeUndefined();
  });

  it("reads a full-width angle bracket as the round one when a reading saw that", () => {
    expect(angleOrRound("〈", ["〈", "(一"], true)).toBe("(");
    expect(angleOrRound("〈", ["〈"], true)).toBe("〈");
    expect(angleOrRound(">", ["("], false)).toBe(">");
  });
});

describe("vocabulary prior and distinct glyphs", () => {
  const pages: PageGlyphs[] = [
    {
      page: 1,
      fonts: [{ id: "f", name: "", type3: false }],
      runs: [1, 2, 3].map((k) =>
        run("f", 100 * k, [
          [10, 0, 10],
          [11, 10, 20],
          [12, 20, 30],
        ]),
      ),
    },
  ];
  const inventory = glyphInventory(pages, () => []);

  it("finds the character pairs of label patterns", () => {
    expect([...hanBigrams({ a: ["(基本|项目)?支出(合计)?"], b: /执行率/ })].sort()).toEqual(
      ["基本", "项目", "支出", "合计", "执行", "行率"].sort(),
    );
  });

  it("settles a glyph read as a lookalike by the label words it forms", () => {
    const map = new Map<string, GlyphMapEntry>([
      [glyphKey("f", 10), entry("文", true, { agree: 7, total: 8 })],
      [glyphKey("f", 11), entry("出")],
      [glyphKey("f", 12), entry("数")],
    ]);
    const readings = (k: string) => (k === glyphKey("f", 10) ? ["文", "文", "支"] : []);
    applyVocabularyPrior(inventory, map, readings, hanBigrams(["支出数"]));
    expect(map.get(glyphKey("f", 10))).toMatchObject({ text: "支", certain: true });
  });

  it("marks two glyphs of one font decoded alike uncertain, the weaker one taking its next reading", () => {
    const map = new Map<string, GlyphMapEntry>([
      [glyphKey("f", 10), entry("未", true, { agree: 4, total: 4 })],
      [glyphKey("f", 11), entry("未", true, { agree: 2, total: 3, alternatives: ["末"] })],
      [glyphKey("f", 12), entry("数")],
    ]);
    keepGlyphsDistinct(inventory, map);
    expect(map.get(glyphKey("f", 10))).toMatchObject({ text: "未", certain: true });
    expect(map.get(glyphKey("f", 11))).toMatchObject({ text: "末", certain: false });
  });
});
