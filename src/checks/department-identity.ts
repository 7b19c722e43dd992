/**
 * Department identity across years comes from the printed name, normalised, plus an editable alias
 * list (full vs short names, renamed departments) — never from file names.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { normalizeText } from "../layout/located-text.js";

/** An alias file: each entry maps other names of a department to one canonical name. */
export const AliasFile = z.object({
  departments: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
});
export type AliasFile = z.infer<typeof AliasFile>;

export const normalizeName = (s: string): string => normalizeText(s).replace(/[\s()（）《》“”"'·]/g, "");

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

  /** The key that identifies a department across years. */
  key(name: string): string {
    const n = normalizeName(name);
    return this.canonical.get(n) ?? n;
  }
}

/** The administrative region a department belongs to: its name up to the last 区/县/市/旗 prefix. */
export function regionOf(name: string): string {
  // Party bodies name their place after 中共 (中共云溪县委宣传部): the place is the same county's.
  const n = normalizeName(name).replace(/^(中共|中国共产党)/, "");
  const m = /^(.*?(?:省|自治区))?(.*?(?:市|州|盟))?(.*?(?:区|县|旗|市))?/.exec(n);
  const region = (m?.[1] ?? "") + (m?.[2] ?? "") + (m?.[3] ?? "");
  return region.length > 0 && region.length < n.length ? region : "";
}
