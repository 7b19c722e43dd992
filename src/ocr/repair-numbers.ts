/**
 * OCR confusions repaired only where the reading is unambiguous: inside a number. Letters that
 * look like digits (O→0, l/I/|→1) between digits, and a 。 or ， between digits (a decimal point or a
 * thousands separator read as Chinese punctuation). Nothing outside numeric context is touched:
 * guessing there would invent figures, so low-confidence values are reported instead.
 */

const DIGITISH: Record<string, string> = { O: "0", o: "0", 〇: "0", l: "1", I: "1", "|": "1" };

export function repairNumericText(text: string): string {
  let t = text;
  // A letter that looks like a digit, with digits (or a separator and digits) on both sides.
  t = t.replace(/(?<=\d[.,]?)[OoIl|〇](?=[.,]?\d)/g, (c) => DIGITISH[c] ?? c);
  // A number opening with l/I/O before a separator and digits: "l,472.06" → "1,472.06".
  t = t.replace(/(?<![A-Za-z\d])[OoIl|](?=[.,]\d)/g, (c) => DIGITISH[c] ?? c);
  // A number cannot have two decimal points: in "1.358.93" every point but the last is a thousands
  // separator read as a point.
  t = t.replace(/\d{1,3}(?:\.\d{3})+\.\d{1,2}(?!\d)/g, (m) => {
    const last = m.lastIndexOf(".");
    return m.slice(0, last).replace(/\./g, ",") + m.slice(last);
  });
  // 元 read as JT / 兀 right after an amount with decimals or separators: "1,561,500.00JT".
  t = t.replace(/(?<=\d[,.]\d{2,3})(JT|jT|iT|TT|Tt|JC|兀)(?![A-Za-z])/g, "元");
  // A lost thousands separator: "1197,448.02" has a leading group of four digits, which grouping
  // does not allow; the digits are all there, so they are regrouped: "1,197,448.02".
  t = t.replace(
    /(?<![\d,.])(\d{4,})((?:,\d{3})+(?:\.\d+)?)(?!\d)/g,
    (_, lead: string, rest: string) => `${lead.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${rest}`,
  );
  // 。 between digits is a decimal point when exactly 1–2 digits follow and no more digits.
  t = t.replace(/(?<=\d)[。．](?=\d{1,2}(?!\d))/g, ".");
  // ， between digits followed by exactly three digits is a thousands separator.
  t = t.replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ",");
  return t;
}

/**
 * In a table cell, OCR reads the ≥ sign as 之 (a classical particle that cannot open a numeric
 * target): "之90%" → "≥90%". Only at the start of a cell and only before a number.
 */
export function repairTargetText(text: string): string {
  return text.replace(/^之(?=\s*\d)/, "≥");
}
