/** Builds schema values (Figure, Text, Provenance) from located text. */
import type { Figure, Provenance, Text } from "../../schemas/provenance.js";
import type { LocatedText, Span } from "../layout/located-text.js";
import type { ParsedNumber } from "./numbers.js";

const r1 = (v: number): number => Math.round(v * 10) / 10;

export function spanToProvenance(span: Span): Provenance {
  const prov: Provenance = {
    page: Math.max(1, span.page),
    bbox: [r1(span.bbox.x0), r1(span.bbox.y0), r1(span.bbox.x1), r1(span.bbox.y1)],
    text: span.printed,
  };
  if (span.conf !== undefined) prov.conf = span.conf;
  return prov;
}

/** Provenance of the normalised range [start, end) of `lt`. */
export function provOf(lt: LocatedText, start = 0, end = lt.text.length): Provenance {
  return spanToProvenance(lt.locate(start, end));
}

export function figureOf(n: ParsedNumber, unit: string, prov: Provenance): Figure {
  return { value: n.value, ulp: n.ulp, unit, prov };
}

export function textOf(value: string, prov: Provenance): Text {
  return { value, prov };
}

/** Compact form for matching labels: NFKC text without whitespace. */
export const compact = (s: string): string => s.replace(/\s+/g, "");

/** Finds `needle` (compact) in `text` ignoring whitespace in `text`; returns [start, end) in `text`. */
export function findCompact(text: string, needle: string, from = 0): [number, number] | undefined {
  if (!needle) return undefined;
  for (let i = from; i < text.length; i++) {
    if (text[i] !== needle[0]) continue;
    let j = i;
    let k = 0;
    while (j < text.length && k < needle.length) {
      if (/\s/.test(text[j]!)) {
        j++;
        continue;
      }
      if (text[j] !== needle[k]) break;
      j++;
      k++;
    }
    if (k === needle.length) return [i, j];
  }
  return undefined;
}
