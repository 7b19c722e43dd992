/**
 * Lines → paragraphs, across line wraps and page breaks. Chinese reports mark a new paragraph by a
 * first-line indent, extra spacing, a short last line, or a numbering prefix; a page break in the
 * middle of a sentence is joined back (the seed report breaks "事业 / 收入" over two pages).
 */
import { type HeadingWords, matchHeadingPrefix } from "./headings.js";
import { LocatedText } from "./located-text.js";
import type { Line } from "./text-runs-to-lines.js";

export interface PageFrame {
  /** Left edge of body text (most common line start). */
  left: number;
  /** Right edge of body text (a high percentile of line ends). */
  right: number;
  /** Typical baseline-to-baseline distance. */
  pitch: number;
}

export function pageFrame(lines: readonly Line[]): PageFrame {
  if (lines.length === 0) return { left: 0, right: 0, pitch: 0 };
  const starts = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.x0 / 3) * 3;
    starts.set(k, (starts.get(k) ?? 0) + 1);
  }
  const frequent = [...starts.entries()]
    .filter(([, n]) => n >= Math.max(2, lines.length * 0.2))
    .map(([k]) => k);
  const left = frequent.length > 0 ? Math.min(...frequent) : Math.min(...lines.map((l) => l.x0));
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? ends[ends.length - 1]!;
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.y1 - lines[i - 1]!.y1;
    if (d > 0 && d < lines[i]!.fontSize * 3) pitches.push(d);
  }
  pitches.sort((a, b) => a - b);
  // The line pitch inside paragraphs is the low end of the distribution: the gaps between
  // paragraphs (often as many as the wraps in reports of one-line paragraphs) are larger.
  return { left, right, pitch: pitches[Math.floor(pitches.length * 0.2)] ?? lines[0]!.fontSize * 1.5 };
}

export interface FramedLine {
  line: Line;
  frame: PageFrame;
}

/** True when `next` continues the paragraph that `prev` belongs to. */
export function continuesParagraph(prev: FramedLine, next: FramedLine, words: HeadingWords): boolean {
  const a = prev.line;
  const b = next.line;
  const em = Math.min(a.fontSize, b.fontSize);
  if (Math.abs(a.fontSize - b.fontSize) > 0.2 * em) return false;
  if (matchHeadingPrefix(b.text.printed, words)) return false;
  // A short last line ends its paragraph. A wrapped line can end short by the width of the
  // unbreakable token that starts the next line ("52.16%," does not split), so allow for it.
  const token = /^[0-9A-Za-z.,%()\-+/]+/.exec(b.text.text)?.[0].length ?? 0;
  if (a.x1 < prev.frame.right - 2 * em - token * 0.6 * em) return false;
  // an indented first line starts one
  if (b.x0 > next.frame.left + 1.2 * em) return false;
  if (a.page === b.page) {
    const pitch = b.y1 - a.y1;
    const typical = prev.frame.pitch || em * 1.5;
    if (pitch > typical * 1.45 || pitch <= 0) return false;
  }
  return true;
}

export function joinLines(lines: readonly Line[]): LocatedText {
  const seps: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!.text.printed.slice(-1);
    const b = lines[i]!.text.printed.slice(0, 1);
    seps.push(/[A-Za-z0-9,.]/.test(a) && /[A-Za-z]/.test(b) ? " " : "");
  }
  return LocatedText.join(
    lines.map((l) => l.text),
    seps,
  );
}
