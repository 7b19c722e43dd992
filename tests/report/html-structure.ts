/**
 * Just enough HTML parsing to check the report's structure without a browser or a DOM library:
 * a tag tokenizer, a balance check for the elements the report emits, and element extraction by
 * a simple attribute match.
 */

const VOID = new Set(["meta", "img", "br", "hr", "input", "link", "wbr"]);

export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Record<string, string>;
  start: number;
  end: number;
}

export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  // The stylesheet and comments are not markup.
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, (m) => " ".repeat(m.length))
    .replace(/<!--[\s\S]*?-->/g, (m) => " ".repeat(m.length));
  const re =
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const attrs: Record<string, string> = {};
    const are = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
    for (let a = are.exec(m[3]!); a; a = are.exec(m[3]!)) attrs[a[1]!] = a[2] ?? a[3] ?? a[4] ?? "";
    out.push({
      name: m[2]!.toLowerCase(),
      closing: m[1] === "/",
      selfClosing: m[4] === "/",
      attrs,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Every opened element is closed, in order; returns the problems found. */
export function unbalanced(html: string): string[] {
  const stack: Tag[] = [];
  const problems: string[] = [];
  for (const t of tags(html)) {
    if (VOID.has(t.name) || t.selfClosing) continue;
    if (!t.closing) {
      stack.push(t);
      continue;
    }
    const top = stack.pop();
    if (!top || top.name !== t.name) {
      problems.push(`</${t.name}> at ${t.start} closes <${top?.name ?? "nothing"}>`);
      if (top) stack.push(top);
    }
  }
  for (const t of stack) problems.push(`<${t.name}> at ${t.start} never closed`);
  return problems;
}

/** The outer HTML of each element with the given name whose attributes pass `match`. */
export function elements(
  html: string,
  name: string,
  match: (attrs: Record<string, string>) => boolean = () => true,
): Array<{ attrs: Record<string, string>; html: string }> {
  const all = tags(html);
  const out: Array<{ attrs: Record<string, string>; html: string }> = [];
  all.forEach((t, i) => {
    if (t.name !== name || t.closing || !match(t.attrs)) return;
    if (VOID.has(name) || t.selfClosing) {
      out.push({ attrs: t.attrs, html: html.slice(t.start, t.end) });
      return;
    }
    let depth = 0;
    for (let j = i; j < all.length; j++) {
      const u = all[j]!;
      if (u.name !== name || u.selfClosing) continue;
      depth += u.closing ? -1 : 1;
      if (depth === 0) {
        out.push({ attrs: t.attrs, html: html.slice(t.start, u.end) });
        return;
      }
    }
  });
  return out;
}

/** Text content with tags removed and the entities the report uses decoded. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
