/**
 * Reads the glyph map of a document's fonts without Unicode maps: (font, code) → text, in rounds.
 *
 * 1. Every glyph is cut alone from one occurrence and read (by a sheet reader, full-width glyphs by
 *    the Chinese model alone: with English beside it tesseract now and then reads a row of Chinese
 *    as Latin garbage).
 * 2. Other occurrences are read with their printed neighbours (a few glyphs of the same line),
 *    chosen so that every glyph is read in context at least once, rarest glyphs first.
 * 3. Glyphs whose readings do not yet agree are read again — by the second engine when one is
 *    given: their other occurrences alone at another size, and another occurrence in context.
 * Readings are voted per glyph (glyph-votes.ts). Pages are rendered once, one at a time, and cut
 * into all the strips the rounds may need; only the strips are kept.
 */
import type { Segment } from "../layout/page-model.js";
import type { PageRaster } from "../ocr/page-image.js";
import { cropStrip, eraseRulings, type GlyphStrip } from "./glyph-crops.js";
import {
  type GlyphEntry,
  type GlyphKey,
  type GlyphPlace,
  glyphKey,
  type Inventory,
} from "./glyph-inventory.js";
import { type GlyphDecision, type GlyphVote, voteGlyph } from "./glyph-votes.js";
import type { RecogniseGlyphs } from "./recognise-glyphs.js";
import { angleOrRound, dashOrOne, judgeComparison, raisedQuote } from "./shape-checks.js";
import { applyVocabularyPrior, keepGlyphsDistinct } from "./vocabulary-prior.js";

/** Glyphs in a context strip, and the widest gap (in em) a strip may span inside its run. */
const WINDOW = 5;
const MAX_GAP_EM = 0.6;
/** A glyph this wide (in em) or wider is full-width: read by the Chinese model first. */
const FULL_WIDTH = 0.8;

export interface GlyphMapEntry extends GlyphDecision {
  /** The glyph shows no ink in any occurrence cut: a space. */
  blank: boolean;
}

export interface GlyphMapStats {
  /** Strips and glyph images read by OCR, and pages rendered. */
  strips: number;
  glyphReads: number;
  pagesRendered: number;
  rounds: number;
}

interface Plan {
  place: GlyphPlace & { to: number };
  /** The em of the cut in pixels (EM_PX unless given): a second size gives OCR another look. */
  em?: number;
  strip?: GlyphStrip;
}

/** The em of the second look at a glyph alone, in pixels. */
const SECOND_EM = 36;

export interface GlyphMapInput {
  inventory: Inventory;
  segmentsOf: (page: number) => readonly Segment[];
  rasterOf: (page: number) => Promise<PageRaster>;
  recognise: RecogniseGlyphs;
  /**
   * Another engine for round 3, so that a glyph still open is read by OCR that errs differently
   * (default: `recognise` again).
   */
  second?: RecogniseGlyphs;
  signal?: AbortSignal;
  /** Pairs of Chinese characters of the label words (vocabulary-prior.ts). */
  bigrams?: ReadonlySet<string>;
  /** Sees every glyph's readings and decision (developer tools: scripts/glyphs/). */
  trace?: (entry: GlyphEntry, votes: readonly GlyphVote[], decision: GlyphMapEntry) => void;
}

export async function readGlyphMap(
  input: GlyphMapInput,
): Promise<{ map: Map<GlyphKey, GlyphMapEntry>; stats: GlyphMapStats }> {
  const { inventory } = input;
  const stats: GlyphMapStats = { strips: 0, glyphReads: 0, pagesRendered: 0, rounds: 0 };
  const runOf = (p: GlyphPlace) => inventory.lines.get(p.page)![p.line]!;
  const keyAt = (p: GlyphPlace, i: number): GlyphKey => {
    const g = runOf(p).glyphs[i]!;
    return glyphKey(g.font, g.code);
  };

  // 1. Plan every strip the rounds may read.
  const alone = new Map<GlyphKey, Plan[]>();
  for (const e of inventory.glyphs) {
    alone.set(
      e.key,
      e.samples.map((s) => ({ place: { ...s, to: s.index + 1 } })),
    );
  }
  const windowAt = (p: GlyphPlace): Plan => {
    const run = runOf(p);
    const gapOk = (a: number): boolean =>
      (run.glyphs[a + 1]!.x0 - run.glyphs[a]!.x1) / run.fontSize < MAX_GAP_EM;
    let from = p.index;
    let to = p.index + 1;
    while (to - from < WINDOW) {
      const grew = to - from;
      if (from > 0 && gapOk(from - 1)) from--;
      if (to - from < WINDOW && to < run.glyphs.length && gapOk(to - 1)) to++;
      if (to - from === grew) break;
    }
    return { place: { ...p, index: from, to } };
  };
  // Context strips, rarest glyphs first: a common glyph is read in the context of rare ones for free.
  const byRarity = [...inventory.glyphs].sort((a, b) => a.count - b.count);
  const covered = new Map<GlyphKey, number>();
  const context1: Plan[] = [];
  for (const e of byRarity) {
    if ((covered.get(e.key) ?? 0) >= 1) continue;
    const w = windowAt(e.samples[1] ?? e.samples[0]!);
    context1.push(w);
    for (let i = w.place.index; i < w.place.to; i++) {
      const k = keyAt(w.place, i);
      covered.set(k, (covered.get(k) ?? 0) + 1);
    }
  }
  const context2 = new Map<GlyphKey, Plan>();
  for (const e of inventory.glyphs) context2.set(e.key, windowAt(e.samples[2] ?? e.samples[0]!));

  // 2. Render each page once and cut its strips.
  const second = new Map<GlyphKey, Plan[]>();
  for (const [key, plans] of alone)
    second.set(
      key,
      plans.map((p) => ({ place: p.place, em: SECOND_EM })),
    );
  const all: Plan[] = [
    ...[...alone.values()].flat(),
    ...[...second.values()].flat(),
    ...context1,
    ...context2.values(),
  ];
  const byPage = new Map<number, Plan[]>();
  for (const p of all) byPage.set(p.place.page, [...(byPage.get(p.place.page) ?? []), p]);
  for (const [page, plans] of [...byPage].sort((a, b) => a[0] - b[0])) {
    input.signal?.throwIfAborted();
    const raster = await input.rasterOf(page);
    stats.pagesRendered++;
    eraseRulings(raster, input.segmentsOf(page));
    for (const p of plans) p.strip = cropStrip(raster, runOf(p.place), p.place.index, p.place.to, p.em);
  }

  const entries = new Map(inventory.glyphs.map((e) => [e.key, e]));
  const votes = new Map<GlyphKey, GlyphVote[]>();
  const vote = (key: GlyphKey, v: GlyphVote): void => {
    const list = votes.get(key);
    if (list) list.push(v);
    else votes.set(key, [v]);
  };
  const guide = (key: GlyphKey): string[] => (votes.get(key) ?? []).map((v) => v.text).filter(Boolean);
  let engine = input.recognise;
  const read = async (plans: readonly Plan[], chineseOnly: boolean, how: GlyphVote["how"]): Promise<void> => {
    if (plans.length === 0) return;
    input.signal?.throwIfAborted();
    stats.strips += plans.length;
    const strips = plans.map((p) => p.strip!);
    const readings = await engine(strips, {
      chineseOnly,
      guides: (s, part) => guide(keyAt(plans[s]!.place, plans[s]!.place.index + part)),
    });
    plans.forEach((p, s) => {
      strips[s]!.parts.forEach((part, i) => {
        if (!part.inked) return;
        const key = keyAt(p.place, p.place.index + i);
        // Neighbours of a trusted font give context only.
        if (!entries.has(key)) return;
        stats.glyphReads++;
        const at = `${p.place.page}:${p.place.line}:${p.place.index + i}`;
        vote(key, { ...readings[s]![i]!, how, at });
      });
    });
  };
  const blank = new Set(
    inventory.glyphs
      .filter((e) => alone.get(e.key)!.every((p) => !p.strip!.parts[0]!.inked))
      .map((e) => e.key),
  );
  // Glyphs alone are read in a scrambled order: in the order of first occurrence a sheet row would
  // be a line of the text, whose characters OCR would read with the same slips each time.
  const inked = inventory.glyphs
    .filter((e) => !blank.has(e.key))
    .sort((a, b) => scramble(a.key) - scramble(b.key));
  const wide = (e: GlyphEntry): boolean => e.advance >= FULL_WIDTH;
  const firstInked = (e: GlyphEntry): Plan => alone.get(e.key)!.find((p) => p.strip!.parts[0]!.inked)!;

  // A strip of full-width glyphs only is read by the Chinese model alone, any other by both.
  const fullWidthStrip = (p: Plan): boolean => {
    const line = runOf(p.place);
    return line.glyphs
      .slice(p.place.index, p.place.to)
      .every((g) => g.x1 - g.x0 >= FULL_WIDTH * line.fontSize);
  };
  const readSplit = (plans: readonly Plan[], how: GlyphVote["how"]): Promise<unknown> =>
    Promise.all([
      read(plans.filter(fullWidthStrip), true, how),
      read(
        plans.filter((p) => !fullWidthStrip(p)),
        false,
        how,
      ),
    ]);

  // Round 1: every glyph alone.
  stats.rounds = 1;
  await readSplit(inked.map(firstInked), "alone");
  // Round 2: in context.
  stats.rounds = 2;
  await readSplit(context1, "context");
  const decide = (e: GlyphEntry): GlyphDecision => voteGlyph(votes.get(e.key) ?? [], { fullWidth: wide(e) });
  // Round 3: what is not yet decided, read again: its other occurrences alone at another size, and
  // another occurrence in context.
  const open = inked.filter((e) => !decide(e).certain);
  if (open.length > 0) {
    stats.rounds = 3;
    engine = input.second ?? input.recognise;
    const others = (e: GlyphEntry): Plan[] => {
      const list = second.get(e.key)!.filter((p) => p.strip!.parts[0]!.inked);
      return list.length > 1 ? list.slice(1) : list;
    };
    await readSplit(open.flatMap(others), "alone");
    await readSplit(
      open.map((e) => context2.get(e.key)!),
      "context",
    );
  }

  const map = new Map<GlyphKey, GlyphMapEntry>();
  for (const e of inventory.glyphs) {
    if (blank.has(e.key)) {
      map.set(e.key, {
        text: " ",
        agree: 0,
        total: 0,
        conf: 100,
        certain: true,
        alternatives: [],
        blank: true,
      });
    } else map.set(e.key, { ...decide(e), blank: false });
  }
  const readingsOf = (key: GlyphKey): string[] => (votes.get(key) ?? []).map((v) => v.text);
  applyVocabularyPrior(inventory, map, readingsOf, input.bigrams ?? new Set());
  keepGlyphsDistinct(inventory, map);
  settleLookalikes(
    inventory,
    map,
    (e) => firstInked(e).strip!,
    (e) => (votes.get(e.key) ?? []).map((v) => v.text),
  );
  if (input.trace) for (const e of inventory.glyphs) input.trace(e, votes.get(e.key) ?? [], map.get(e.key)!);
  return { map, stats };
}

/** A fixed pseudo-random rank of a key (FNV-1a). */
function scramble(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The ≥ read as >, a raised quotation mark read as 一, and 一 against the dash (shape-checks.ts), settled once the map is read. */
function settleLookalikes(
  inventory: Inventory,
  map: Map<GlyphKey, GlyphMapEntry>,
  stripOf: (e: GlyphEntry) => GlyphStrip,
  readingsOf: (e: GlyphEntry) => string[],
): void {
  const strokes = new Map<GlyphKey, { near: number; all: number; fullWidth: boolean }>();
  for (const e of inventory.glyphs) {
    const d = map.get(e.key)!;
    if (d.blank || !d.text) continue;
    // The ink of a sign decides (shape-checks.ts): a chevron over a bar is ≥ whatever was read.
    const sign = judgeComparison([d.text, ...d.alternatives], stripOf(e));
    if (sign && sign !== d.text) {
      const alternatives = [d.text, ...d.alternatives.filter((a) => a !== sign)];
      map.set(e.key, { ...d, alternatives, text: sign, certain: true });
      continue;
    }
    const round = angleOrRound(d.text, readingsOf(e), e.advance >= FULL_WIDTH);
    if (round !== d.text) {
      map.set(e.key, { ...d, alternatives: [d.text, ...d.alternatives], text: round });
      continue;
    }
    const quote = raisedQuote(d.text, stripOf(e));
    if (quote) {
      map.set(e.key, { ...d, alternatives: [d.text, ...d.alternatives], text: quote });
      continue;
    }
    const fullWidth = e.advance >= FULL_WIDTH;
    if (dashOrOne(d.text, 0, 1, fullWidth) !== d.text || dashOrOne(d.text, 1, 1, fullWidth) !== d.text)
      strokes.set(e.key, { near: 0, all: 0, fullWidth });
  }
  if (strokes.size === 0) return;
  const han = (key: GlyphKey): boolean =>
    /\p{Script=Han}/u.test(map.get(key)?.text ?? "") && !strokes.has(key);
  for (const lines of inventory.lines.values()) {
    for (const line of lines) {
      const keys = line.glyphs.map((g) => glyphKey(g.font, g.code));
      keys.forEach((k, i) => {
        const s = strokes.get(k);
        if (!s) return;
        s.all++;
        if (keys.slice(Math.max(0, i - 2), i + 3).some(han)) s.near++;
      });
    }
  }
  for (const [key, s] of strokes) {
    const d = map.get(key)!;
    const text = dashOrOne(d.text, s.near, s.all, s.fullWidth);
    if (text !== d.text) map.set(key, { ...d, alternatives: [d.text, ...d.alternatives], text });
  }
}
