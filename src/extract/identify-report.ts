/**
 * Department, fiscal year and report kind come from the content — the title, a cover page or a
 * form's header cells — never from the file name.
 */
import type { Figure, Text } from "../../schemas/provenance.js";
import type { Block } from "../layout/document-layout.js";
import { normalizeText } from "../layout/located-text.js";
import { cellAt } from "../layout/table-model.js";
import { foldLabel, type Labels, longestMatch, re, type Vocabulary } from "./definitions.js";
import { compact, findCompact, provOf } from "./figure.js";
import { correctPlaceNames } from "./place-names.js";

export interface Identity {
  /** Index (in the blocks) of the report's title: a report embedded in a larger publication starts there. */
  titleBlock?: number;
  department?: Text;
  fiscalYear?: Figure;
  kind?: Text;
  /** How an OCR'd department name was corrected, when it was. */
  departmentCorrected?: string;
  /** Why the document is not a self-evaluation report, when it is not. */
  notAReport?: string;
}

function findKind(
  text: string,
  vocab: Vocabulary,
): { kind: string; index: number; length: number } | undefined {
  for (const def of vocab.reportKinds) {
    const m = longestMatch(text, def.patterns);
    if (m) return { kind: def.item, ...m };
  }
  return undefined;
}

/** A department name taken from a title, without the words around it (关于, 附件, 部门…). */
export function cleanDepartment(s: string, labels: Labels): string {
  let out = s;
  for (const p of labels.identity.departmentStrip) out = out.replace(new RegExp(p, "u"), "");
  return out.trim();
}

export function identifyReport(blocks: readonly Block[], vocab: Vocabulary): Identity {
  const id: Identity = {};
  const L = vocab.labels.identity;
  const YEAR = L.year;
  const orgEnds = new RegExp(`${L.orgEnd}$`, "u");
  const orgIn = re(L.orgEnd);
  const departmentCell = re(L.departmentCell);
  // The title is near the start; in a 部门决算 publication the report is one part further in.
  const paragraphs = blocks.filter((b) => b.kind === "paragraph").slice(0, 400);
  // 1. A title naming the report kind: "[year] department [year] 部门整体支出绩效自评报告".
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.kind !== "paragraph") continue;
    // A centred title wrapping onto a second line arrives as two paragraphs: try them joined.
    const next = paragraphs[i + 1];
    // OCR misreadings of the title words (文出 for 支出) are folded before the kind is matched.
    const alone = foldLabel(compact(p.text.text), vocab);
    // Only a title fragment is joined: short, no sentence punctuation.
    // A numbered heading (第四部分…, 第五部分 …自评报告 in a publication's contents) is a line of its own.
    const joined =
      next &&
      next.kind === "paragraph" &&
      !p.heading &&
      !next.heading &&
      compact(next.text.text).length <= 30 &&
      alone.length <= 40 &&
      !/[。：:；;]/.test(alone)
        ? alone + foldLabel(compact(next.text.text), vocab)
        : alone;
    const c = findKind(alone, vocab) ? alone : joined;
    const t = p.text.text;
    if (c.length > 80) continue;
    const kind = findKind(c, vocab);
    // A title ends with the kind (…自评报告 / …自评表); a sentence that mentions one is not a title.
    if (!kind || c.length - (kind.index + kind.length) > 4) continue;
    // Far into a document only a full title counts (a year before the kind): a bare
    // "部门整体支出绩效自评表" there is an attachment line, not where the report starts.
    if (i >= 12 && !new RegExp(YEAR, "u").test(c.slice(0, kind.index))) continue;
    // The first title sets the kind and where the report starts; a later one (a cover's bare title,
    // then the full title on the next page) may still give the department.
    if (id.kind && blocks.indexOf(p) - (id.titleBlock ?? 0) > 40) break;
    if (!id.kind) {
      id.kind = { value: kind.kind, prov: provOf(p.text) };
      id.titleBlock = blocks.indexOf(p);
    }
    const before = c.slice(0, kind.index);
    const ym = new RegExp(YEAR, "u").exec(before);
    if (ym && !id.fiscalYear) id.fiscalYear = yearFigure(p.text, ym[1]!, L.yearUnit);
    // A form's title often has the year on a line of its own below it: "（2023年度）".
    const below = paragraphs[i + 1];
    const yearLine = below ? re(L.yearLine).exec(compact(below.text.text)) : null;
    if (!id.fiscalYear && below && yearLine) id.fiscalYear = yearFigure(below.text, yearLine[1]!, L.yearUnit);
    let dept = cleanDepartment(before.replace(new RegExp(YEAR, "gu"), ""), vocab.labels);
    // A cover page prints the department on the line above the title.
    if (!orgEnds.test(dept) && i > 0) {
      const prev = paragraphs[i - 1]!;
      const pc = cleanDepartment(compact(prev.text.text).replace(new RegExp(YEAR, "gu"), ""), vocab.labels);
      if (prev.kind === "paragraph" && pc.length <= 40 && orgEnds.test(pc)) {
        dept = pc;
        if (!id.fiscalYear) {
          const y = new RegExp(YEAR, "u").exec(compact(prev.text.text));
          if (y) id.fiscalYear = yearFigure(prev.text, y[1]!, L.yearUnit);
        }
        id.department = { value: dept, prov: provOf(prev.text) };
      }
    }
    if (!id.department && dept.length >= 2 && orgIn.test(dept)) {
      const at = findCompact(t, dept);
      id.department = { value: dept, prov: at ? provOf(p.text, at[0], at[1]) : provOf(p.text) };
    }
    if (id.department) break;
    // No name at the first title: a labelled field (评价单位（盖章）：…, usually the full name) comes
    // before a later title's (often a short form).
    id.department = labelledField(blocks, departmentCell, vocab.labels);
    if (id.department) break;
  }
  // 2. Labelled fields on a cover page or in a form: 单位名称：… / 部门（单位）名称 | …
  if (!id.department) id.department = labelledField(blocks, departmentCell, vocab.labels);
  // 2b. A report printed inside a publication (a 部门决算) without a name of its own: the
  //     publication's title on its first page names the department.
  if (!id.department) id.department = publicationDepartment(paragraphs.slice(0, 3), vocab.labels);
  // 3. Last resort: the organisation name the document prints most often (at least twice).
  if (!id.department) id.department = frequentOrgName(blocks, vocab.labels);
  if (!id.fiscalYear) {
    for (const p of paragraphs) {
      if (p.kind !== "paragraph") continue;
      const m = new RegExp(YEAR, "u").exec(compact(p.text.text));
      if (m && re(L.yearContext).test(p.text.text)) {
        id.fiscalYear = yearFigure(p.text, m[1]!, L.yearUnit);
        break;
      }
    }
  }
  // A form whose title line was not read (printed as a page header) still prints its year on a line
  // of its own: "（2022 年度）".
  if (!id.fiscalYear) {
    for (const p of paragraphs.slice(0, 10)) {
      const m = re(L.yearLine).exec(compact(p.text.text));
      if (m) {
        id.fiscalYear = yearFigure(p.text, m[1]!, L.yearUnit);
        break;
      }
    }
  }
  // 3. An OCR'd title may misread a character of the name (青川 → 青州): the body, which prints the
  // name many times, is consulted, then a place name that is not a division of the city it names is
  // corrected from the gazetteer.
  // The gazetteer has the last word on place names: the body may misread them the same way
  // throughout (one rare character misread alike on every page).
  if (id.department?.prov.conf !== undefined) {
    const read = id.department.value;
    id.department = confirmNameByBody(id.department, blocks);
    const fixed = correctPlaceNames(id.department.value);
    if (fixed) {
      id.departmentCorrected = `OCR read the department as “${read}”; the place name was corrected from the list of administrative divisions (${fixed.change}) — confirm on the scan`;
      id.department = { ...id.department, value: fixed.value };
    }
  }
  // 4. Not a self-evaluation report: no kind in a title and no 绩效 evaluation vocabulary at all.
  if (!id.kind) {
    const early = blocks
      .slice(0, 40)
      .map((b) => (b.kind === "paragraph" ? b.text.text : ""))
      .join("");
    const docTitle = paragraphs
      .slice(0, 4)
      .map((p) => compact(p.text.text))
      .find((t) => re(L.otherDocument).test(t));
    if (docTitle) id.notAReport = `a document titled “${docTitle}”, not a performance self-evaluation report`;
    else if (!L.reportWords.every((w) => re(w).test(early))) {
      id.notAReport =
        "no performance self-evaluation title or text: this is not a performance self-evaluation report";
    }
  }
  return id;
}

function yearFigure(lt: import("../layout/located-text.js").LocatedText, year: string, unit: string): Figure {
  const at = lt.text.indexOf(year);
  return { value: year, ulp: "1", unit, prov: provOf(lt, Math.max(0, at), Math.max(0, at) + 4) };
}

/** A full organisation name in running text: a place, maybe a sub-place, then the body's name. */
const orgInText = (L: Labels["identity"]): RegExp =>
  new RegExp(
    `[\\u4e00-\\u9fff]{2,10}?${L.placeEnd}(?:[\\u4e00-\\u9fff]{1,8}?${L.subPlaceEnd})?[\\u4e00-\\u9fff]{2,16}?${L.orgEnd}`,
    "gu",
  );

function frequentOrgName(blocks: readonly Block[], labels: Labels): Text | undefined {
  const ORG_IN_TEXT = orgInText(labels.identity);
  const counts = new Map<string, { n: number; at: { block: Block; index: number } }>();
  for (const b of blocks.slice(0, 200)) {
    if (b.kind !== "paragraph") continue;
    const t = b.text.text;
    for (const m of t.replace(/\s+/g, "").matchAll(ORG_IN_TEXT)) {
      const name = m[0];
      const e = counts.get(name);
      if (e) e.n++;
      else counts.set(name, { n: 1, at: { block: b, index: t.indexOf(name[0]!) } });
    }
  }
  const best = [...counts.entries()]
    .filter(([, e]) => e.n >= 2)
    .sort((a, b) => b[1].n - a[1].n || b[0].length - a[0].length)[0];
  if (!best) return undefined;
  const [name, { at }] = best;
  const lt = at.block.kind === "paragraph" ? at.block.text : undefined;
  if (!lt) return undefined;
  const span = findCompact(lt.text, name);
  return { value: name, prov: span ? provOf(lt, span[0], span[1]) : provOf(lt) };
}

/** A budget code printed before a unit's name: "【315】", "[315001]", "315001-". */
const stripCode = (s: string): string => s.replace(/^(?:[【[(（]\d{3,}[】\])）]|\d{3,}[-—\s])/, "");

function labelledField(blocks: readonly Block[], label: RegExp, labels: Labels): Text | undefined {
  const ORG_NAME = new RegExp(`${labels.identity.orgEnd}$`, "u");
  // The label is separated from its value by a colon or only by a space (部门(单位)名称 X县…).
  const field = new RegExp(
    `^${labels.identity.departmentField}(?:\\s*[:：]\\s*|\\s+)(.{2,40}?)(?:\\s{2,}|\\s*[\\u4e00-\\u9fff]{2,6}[:：]|$)`,
    "u",
  );
  for (const b of blocks.slice(0, 60)) {
    if (b.kind === "paragraph") {
      // "填报单位（盖章）：X    填报日期：…": the value ends at a wide gap or the next label.
      const m = field.exec(normalizeText(b.text.printed).trim());
      const value = m ? stripCode(compact(m[1]!)) : "";
      // "单位：万元" above a table is a unit, not a department.
      if (m && ORG_NAME.test(value)) {
        const at = b.text.text.indexOf(m[1]!);
        return { value: cleanDepartment(value, labels), prov: provOf(b.text, Math.max(0, at)) };
      }
      continue;
    }
    const t = b.table;
    for (let r = 0; r < Math.min(6, t.rows.length); r++) {
      for (let c = 0; c + 1 < t.nCols; c++) {
        const k = compact(normalizeText(cellAt(t, r, c)?.text.printed ?? ""));
        if (!label.test(k)) continue;
        const v = cellAt(t, r, c + 1);
        const value = v ? stripCode(compact(normalizeText(v.text.printed))) : "";
        if (v && value.length >= 2 && !label.test(value) && ORG_NAME.test(value))
          return { value: cleanDepartment(value, labels), prov: provOf(v.text) };
      }
    }
  }
  return undefined;
}

/**
 * For a department name read by OCR: if the body text repeatedly prints a variant of the name that
 * differs in exactly one character (compared over the name's tail of at least six characters, as
 * the body often drops the city prefix), while the title's reading never appears there, the body's
 * reading is taken. Only the name is corrected, never the document text.
 */
export function confirmNameByBody(dept: Text, blocks: readonly Block[]): Text {
  const signed = signatureVariant(dept, blocks);
  if (signed) return signed;
  const body = blocks
    .slice(1)
    .map((b) => (b.kind === "paragraph" ? compact(b.text.text) : ""))
    .join("\n");
  const name = dept.value;
  for (let len = name.length; len >= 6; len--) {
    const tail = name.slice(name.length - len);
    if (body.includes(tail)) return dept;
    const counts = new Map<string, number>();
    for (let i = 0; i + len <= body.length; i++) {
      const cand = body.slice(i, i + len);
      let diff = 0;
      // One differing character in six or seven, two in eight or more.
      const allowed = len >= 8 ? 2 : 1;
      for (let k = 0; k < len && diff <= allowed; k++) if (cand[k] !== tail[k]) diff++;
      if (diff >= 1 && diff <= allowed && /^[\u4e00-\u9fff]+$/.test(cand))
        counts.set(cand, (counts.get(cand) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 2) return { ...dept, value: name.slice(0, name.length - len) + best[0] };
  }
  return dept;
}

/**
 * The name printed once more on a line of its own (the signature above the date) with one or two
 * characters read differently: the reading OCR was surer of wins, compared by the confidence of the
 * differing characters against the title's weakest character.
 */
/**
 * OCR confidence (the lowest) of the characters at `indices` of `name`, where a paragraph prints the
 * name (spaces between its characters ignored); undefined when no paragraph prints it.
 */
function confOfChars(blocks: readonly Block[], name: string, indices: readonly number[]): number | undefined {
  for (const b of blocks) {
    if (b.kind !== "paragraph") continue;
    const lt = b.text;
    const span = findCompact(lt.text, name);
    if (!span) continue;
    const at: number[] = [];
    for (let i = span[0]; i < span[1]; i++) if (!/\s/.test(lt.text[i]!)) at.push(i);
    return Math.min(...indices.map((i) => provOf(lt, at[i]!, at[i]! + 1).conf ?? 100));
  }
  return undefined;
}

function signatureVariant(dept: Text, blocks: readonly Block[]): Text | undefined {
  const name = dept.value;
  const titleConf = dept.prov.conf;
  if (titleConf === undefined || name.length < 6) return undefined;
  for (const b of blocks.slice(1)) {
    if (b.kind !== "paragraph") continue;
    const lt = b.text;
    const t = lt.text.replace(/\s+/g, "");
    if (t.length !== name.length || t === name || !/^[\u4e00-\u9fff]+$/.test(t)) continue;
    const diffs = [...t].map((ch, i) => (ch !== name[i] ? i : -1)).filter((i) => i >= 0);
    if (diffs.length === 0 || diffs.length > (name.length >= 8 ? 2 : 1)) continue;
    const conf = confOfChars([b], t, diffs) ?? 0;
    // The title's confidence in the same characters (its weakest character overall when the title
    // paragraph cannot be found).
    const mine = confOfChars(blocks, name, diffs) ?? titleConf;
    if (conf > mine + 5) return { value: t, prov: provOf(lt) };
  }
  return undefined;
}

/** The department a publication's title names ("X局2023年度部门决算"), where it ends like one. */
function publicationDepartment(paragraphs: readonly Block[], labels: Labels): Text | undefined {
  const orgEnds = new RegExp(`${labels.identity.orgEnd}$`, "u");
  for (const p of paragraphs) {
    if (p.kind !== "paragraph") continue;
    const m = re(labels.identity.publicationTitle).exec(compact(p.text.text));
    const name = m ? cleanDepartment(m[1]!, labels) : "";
    if (!m || !orgEnds.test(name)) continue;
    const at = findCompact(p.text.text, name);
    return { value: name, prov: at ? provOf(p.text, at[0], at[1]) : provOf(p.text) };
  }
  return undefined;
}
