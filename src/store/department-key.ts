/** A department name normalised for matching: NFKC, no spaces or brackets. */
export function departmentKey(name: string | undefined): string | null {
  if (!name) return null;
  return name.normalize("NFKC").replace(/[\s()（）《》“”"']/g, "");
}
