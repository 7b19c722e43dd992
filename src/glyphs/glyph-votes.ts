/**
 * Readings of one glyph — each occurrence read alone and in its printed neighbourhood — voted into
 * the glyph's text. A glyph is decided when at least two independent readings agree, they are most
 * of what was read, and OCR was fairly sure of them; otherwise it is decoded as the best guess and
 * marked uncertain, so that values built from it are never exported as sure. Readings of one
 * occurrence in one way (two context strips overlapping it) count once: they see the same pixels
 * with the same neighbours.
 */
import type { GlyphReading } from "./recognise-glyphs.js";

export interface GlyphVote extends GlyphReading {
  /** "alone": the glyph cut by itself; "context": the glyph read with its printed neighbours. */
  how: "alone" | "context";
  /** Which occurrence was read (page:line:index). */
  at: string;
}

export interface GlyphDecision {
  /** The decoded text (NFKC), "" when nothing was read at all. */
  text: string;
  /** Readings that agree with the text, and readings in all (empty readings not counted). */
  agree: number;
  total: number;
  /** Mean OCR confidence of the agreeing readings (0–100). */
  conf: number;
  certain: boolean;
  /** Other texts read, most votes first (the alternatives an auditor may want to see). */
  alternatives: string[];
}

/** Agreeing readings a glyph needs, and their share of all its readings, to be decided. */
export const MIN_AGREE = 2;
export const MIN_SHARE = 0.6;
/**
 * Mean OCR confidence two agreeing readings need; three or more agreeing readings need none
 * (measured: 良 read as 恨 twice, at 80 and 50).
 */
export const MIN_MEAN_CONF = 70;

const weight = (v: GlyphReading): number =>
  (0.3 + (0.7 * Math.max(0, Math.min(100, v.conf))) / 100) * ([...v.text].length === 1 ? 1 : 0.3);

/**
 * Readings a glyph's width rules out: a full-width glyph read as Latin letters (tesseract's
 * English model reading a row of Chinese), a narrow one read as a Chinese character.
 */
function implausible(text: string, fullWidth: boolean): boolean {
  return fullWidth ? /^[A-Za-z]+$/.test(text) : /\p{Script=Han}/u.test(text);
}

export function voteGlyph(votes: readonly GlyphVote[], glyph: { fullWidth: boolean }): GlyphDecision {
  const tally = new Map<string, { score: number; seen: Set<string>; conf: number }>();
  const all = new Set<string>();
  for (const v of votes) {
    const text = v.text.normalize("NFKC").trim();
    if (!text || implausible(text, glyph.fullWidth)) continue;
    const id = `${v.how}@${v.at}`;
    all.add(id);
    const t = tally.get(text) ?? { score: 0, seen: new Set<string>(), conf: 0 };
    if (t.seen.has(id)) continue;
    t.seen.add(id);
    t.score += weight(v);
    t.conf += v.conf;
    tally.set(text, t);
  }
  const ranked = [...tally].sort((a, b) => b[1].score - a[1].score || b[1].seen.size - a[1].seen.size);
  const best = ranked[0];
  if (!best) return { text: "", agree: 0, total: 0, conf: 0, certain: false, alternatives: [] };
  const [text, t] = best;
  const agree = t.seen.size;
  const total = all.size;
  const conf = t.conf / agree;
  return {
    text,
    agree,
    total,
    conf,
    certain:
      agree >= MIN_AGREE &&
      agree / total >= MIN_SHARE &&
      (agree > MIN_AGREE || conf >= MIN_MEAN_CONF) &&
      // One character per glyph: a glyph read as two characters is never sure.
      [...text].length === 1,
    alternatives: ranked.slice(1).map(([s]) => s),
  };
}
