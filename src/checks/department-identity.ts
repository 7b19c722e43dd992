/**
 * The one department-identity service of selfeval: check, compare and report all ask it whether
 * two printed names are one department, which region a department belongs to, and whether a name
 * matches what a user typed. Identity comes from the printed name, normalised, plus an editable
 * alias list (full vs short names, renamed departments) — never from file names.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { normalizeText } from "../layout/located-text.js";
import { withoutInvisibles } from "../text/hygiene.js";

/** An alias file: each entry maps other names of a department to one canonical name. */
export const AliasFile = z.object({
  departments: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
});
export type AliasFile = z.infer<typeof AliasFile>;

/**
 * A printed name without spacing, brackets and quotes (OCR and converters vary in all three), nor
 * zero-width or bidi characters (invisible, they would make one department two).
 */
export const normalizeName = (s: string): string =>
  normalizeText(withoutInvisibles(s)).replace(/[\s()（）《》“”"'·[\]【】〔〕〈〉<>{}]/g, "");

export class DepartmentIdentity {
  private readonly canonical = new Map<string, string>();

  constructor(aliases: AliasFile = { departments: [] }) {
    for (const d of aliases.departments) {
      const key = normalizeName(d.name);
      this.canonical.set(key, key);
      for (const a of d.aliases) this.canonical.set(normalizeName(a), key);
    }
  }

  static fromFile(file: string | undefined): DepartmentIdentity {
    if (!file) return new DepartmentIdentity();
    if (!existsSync(file)) throw new Error(`${file}: alias file not found`);
    const parsed = AliasFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      throw new Error(
        `${file}: not a valid alias file (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`,
      );
    }
    return new DepartmentIdentity(parsed.data);
  }

  /** The key that identifies a department across years (aliases applied, place prefixes not merged). */
  key(name: string): string {
    const n = normalizeName(name);
    return this.canonical.get(n) ?? n;
  }

  /**
   * The keys of one set of stored reports: a department printed with and without its city in that
   * set is one department (see mergePlacePrefixes), which only the whole set can tell.
   */
  forNames(names: Iterable<string | null | undefined>): DepartmentKeys {
    const keys = [...names].flatMap((n) => (n ? [this.key(n)] : []));
    return new DepartmentKeys(this, mergePlacePrefixes(keys));
  }

  /** Whether a printed name matches what a user typed: normalised substring, or one of its aliases. */
  matches(name: string | null | undefined, query: string): boolean {
    const q = normalizeName(query);
    if (!name || !q) return false;
    return normalizeName(name).includes(q) || this.key(name).includes(this.key(query));
  }
}

/** Department keys resolved against one set of names (what check, compare and report group by). */
export class DepartmentKeys {
  constructor(
    private readonly identity: DepartmentIdentity,
    private readonly merged: ReadonlyMap<string, string>,
  ) {}

  key(name: string): string {
    const k = this.identity.key(name);
    return this.merged.get(k) ?? k;
  }

  /** The key of a possibly missing name; "" when the name is missing. */
  keyOf(name: string | null | undefined): string {
    return name ? this.key(name) : "";
  }

  /** The county-level place peers are grouped by. */
  peerRegion(name: string): string {
    return peerRegionOf(this.key(name));
  }

  matches(name: string | null | undefined, query: string): boolean {
    return this.identity.matches(name, query);
  }
}

/** The administrative region a department belongs to: its name up to the last 区/县/市/旗 prefix. */
export function regionOf(name: string): string {
  // Party bodies name their place after 中共 (中共云溪县委宣传部): the place is the same county's.
  const n = normalizeName(name).replace(/^(中共|中国共产党)/, "");
  // (A city's name may itself hold 州 — 杭州市, 苏州市 — and a county's name is followed by 市场….)
  const m =
    /^([^市县区旗]{1,8}?(?:省|自治区))?([^县区旗]{1,8}?(?:市|自治州|盟|地区|州(?!市)))?([^省市县区旗]{1,6}?(?:区|县|旗|市))?/u.exec(
      n,
    );
  const region = (m?.[1] ?? "") + (m?.[2] ?? "") + (m?.[3] ?? "");
  return region.length > 0 && region.length < n.length ? region : "";
}

/** A leading place prefix a name may be printed with or without: a province and/or a city. */
const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,8}?(?:市|州|盟))?$/u;
const COUNTY_START = /^[\u4e00-\u9fff]{1,6}?(?:区|县|旗)/u;

/**
 * Names of one batch that are the same department printed with and without its city (桐江市鹤鸣区
 * 卫生健康局 / 鹤鸣区卫生健康局): each longer form maps to the shortest, county-level one — unless the
 * short form is claimed by two different cities (two 鹤鸣区), when none of them is merged.
 */
export function mergePlacePrefixes(keys: Iterable<string>): Map<string, string> {
  const names = [...new Set(keys)];
  const byShort = new Map<string, Set<string>>();
  for (const long of names) {
    for (const short of names) {
      if (short === long || !long.endsWith(short) || !COUNTY_START.test(short)) continue;
      const prefix = long.slice(0, long.length - short.length);
      if (prefix === "" || !PLACE_PREFIX.test(prefix)) continue;
      const set = byShort.get(short) ?? new Set<string>();
      set.add(prefix);
      byShort.set(short, set);
    }
  }
  const out = new Map<string, string>();
  for (const [short, prefixes] of byShort) {
    // Two cities that do not contain one another: two different departments.
    const list = [...prefixes];
    const nested = list.every((a) => list.every((b) => a.endsWith(b) || b.endsWith(a)));
    if (!nested) continue;
    for (const p of list) out.set(p + short, short);
  }
  return out;
}

/** The county-level place of a name, for grouping peers whether or not the city is printed. */
export function peerRegionOf(name: string): string {
  const region = regionOf(name);
  const county = /[^省市县区旗州盟]{1,6}(?:区|县|旗)$/u.exec(region);
  return county ? county[0] : region;
}
