/**
 * HTML built from document text must never let that text become markup: department names,
 * messages and printed text come from PDFs anyone can write. Every interpolated value is escaped
 * unless it is already `SafeHtml` produced by this tag, so escaping cannot be forgotten.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(p: Part): string {
  if (p === null || p === undefined || p === false || p === true) return "";
  if (p instanceof SafeHtml) return p.value;
  if (Array.isArray(p)) return p.map(render).join("");
  return escapeHtml(String(p));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Markup this program generated itself (CSS, numbers formatted for SVG); never document text. */
export const trusted = (s: string): SafeHtml => new SafeHtml(s);
