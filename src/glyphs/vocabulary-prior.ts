/**
 * The house styles' own label words as evidence for a glyph OCR reads two ways. tesseract reads
 * some characters consistently as a lookalike (支 as 文, measured 7 readings of 8), so votes alone
 * cannot settle them; where the glyph is printed tells: 支 stands in 支出 dozens of times, 文 in
 * no label word. The words are the character pairs of the extraction's definitions (label
 * synonyms, table headers), given to the stage from `pipelines/`.
 */
import type { GlyphKey, Inventory } from "./glyph-inventory.js";
import { glyphKey } from "./glyph-inventory.js";
import type { GlyphMapEntry } from "./read-glyph-map.js";

const HAN = /\p{Script=Han}/u;

/** Every pair of adjacent Chinese characters in the strings of `definitions` (patterns included). */
export function hanBigrams(definitions: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const seg of v.match(/\p{Script=Han}+/gu) ?? []) {
        const chars = [...seg];
        for (let i = 1; i < chars.length; i++) out.add(chars[i - 1]! + chars[i]!);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof RegExp) walk(v.source);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(definitions);
  return out;
}

/** Occurrences a reading needs in label words, with its rival in none, to win (3 to be sure). */
const MIN_SUPPORT = 2;
const SURE_SUPPORT = 3;

/**
 * Glyphs read as more than one Chinese character: the reading that forms label words with its
 * neighbours, where the others form none, wins.
 */
export function applyVocabularyPrior(
  inventory: Inventory,
  map: Map<GlyphKey, GlyphMapEntry>,
  readingsOf: (key: GlyphKey) => readonly string[],
  bigrams: ReadonlySet<string>,
): void {
  if (bigrams.size === 0) return;
  const contested = new Map<GlyphKey, string[]>();
  for (const e of inventory.glyphs) {
    const d = map.get(e.key)!;
    if (d.blank || !HAN.test(d.text)) continue;
    const cands = new Set(
      readingsOf(e.key)
        .map((r) => r.normalize("NFKC").trim())
        .filter((r) => [...r].length === 1 && HAN.test(r)),
    );
    cands.add(d.text);
    if (cands.size >= 2) contested.set(e.key, [...cands]);
  }
  if (contested.size === 0) return;
  const support = new Map<GlyphKey, Map<string, number>>();
  for (const lines of inventory.lines.values()) {
    for (const line of lines) {
      const texts = line.glyphs.map((g) => map.get(glyphKey(g.font, g.code))?.text ?? g.unicode);
      line.glyphs.forEach((g, i) => {
        const key = glyphKey(g.font, g.code);
        const cands = contested.get(key);
        if (!cands) return;
        const s = support.get(key) ?? new Map<string, number>();
        for (const c of cands) {
          const before = i > 0 && bigrams.has(texts[i - 1]! + c);
          const after = i + 1 < texts.length && bigrams.has(c + texts[i + 1]!);
          if (before || after) s.set(c, (s.get(c) ?? 0) + 1);
        }
        support.set(key, s);
      });
    }
  }
  for (const [key, cands] of contested) {
    const s = support.get(key) ?? new Map<string, number>();
    const d = map.get(key)!;
    const ranked = cands.map((c) => [c, s.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
    const [best, n] = ranked[0]!;
    const rival = ranked[1]![1];
    if (n < MIN_SUPPORT || rival > 0) continue;
    const sure = n >= SURE_SUPPORT;
    if (best !== d.text) {
      const alternatives = [d.text, ...d.alternatives.filter((a) => a !== best)];
      map.set(key, { ...d, text: best, alternatives, certain: sure });
    } else if (!d.certain && sure) map.set(key, { ...d, certain: true });
  }
}

/**
 * Two glyphs of one font decoded as the same character: a font subset holds one glyph per
 * character, so all but the best supported are misread. They take their next reading not yet
 * used in the font, and are marked uncertain.
 */
export function keepGlyphsDistinct(inventory: Inventory, map: Map<GlyphKey, GlyphMapEntry>): void {
  const byText = new Map<string, GlyphKey[]>();
  for (const e of inventory.glyphs) {
    const d = map.get(e.key)!;
    if (d.blank || !HAN.test(d.text)) continue;
    const id = `${e.font}\u0000${d.text}`;
    byText.set(id, [...(byText.get(id) ?? []), e.key]);
  }
  const used = new Set(byText.keys());
  for (const [id, keys] of byText) {
    if (keys.length < 2) continue;
    const font = id.split("\u0000")[0]!;
    const share = (k: GlyphKey): number => {
      const d = map.get(k)!;
      return d.total ? d.agree / d.total : 0;
    };
    const [keep, ...rest] = [...keys].sort(
      (a, b) => share(b) - share(a) || map.get(b)!.agree - map.get(a)!.agree,
    );
    if (rest.length && share(rest[0]!) === share(keep!))
      map.set(keep!, { ...map.get(keep!)!, certain: false });
    for (const k of rest) {
      const d = map.get(k)!;
      const next = d.alternatives.find((a) => [...a].length === 1 && !used.has(`${font}\u0000${a}`));
      if (next) {
        used.add(`${font}\u0000${next}`);
        map.set(k, {
          ...d,
          text: next,
          alternatives: [d.text, ...d.alternatives.filter((a) => a !== next)],
          certain: false,
        });
      } else map.set(k, { ...d, certain: false });
    }
  }
}
