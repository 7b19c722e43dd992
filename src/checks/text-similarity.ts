/** Near-duplicate texts: character-trigram Jaccard similarity (numbers and punctuation left out). */

function trigrams(s: string): Set<string> {
  const t = s.replace(/[\s，,。.、；;：:（）()“”"0-9]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}

/** Texts at least this similar (trigram Jaccard) count as copied. */
export const COPY_SIMILARITY = 0.8;
