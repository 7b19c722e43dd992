import { withoutInvisibles } from "../text/hygiene.js";

/** A department name normalised for matching: NFKC, no spaces, brackets, zero-width or bidi characters. */
export function departmentKey(name: string | undefined): string | null {
  if (!name) return null;
  return withoutInvisibles(name)
    .normalize("NFKC")
    .replace(/[\s()（）《》“”"']/g, "");
}
