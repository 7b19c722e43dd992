/** The 自评等级 bands (优 ≥90, 良 80–89.x, 中 60–79.x, 差 <60) in the wordings provinces print. */

const GRADE_FAMILIES = [
  ["优", "良", "中", "差"],
  ["优秀", "良好", "合格", "不合格"],
  ["优秀", "良好", "一般", "较差"],
  ["优秀", "良好", "中等", "差"],
  ["优秀", "较好", "一般", "较差"],
] as const;

const band = (score: number): number => (score >= 90 ? 0 : score >= 80 ? 1 : score >= 60 ? 2 : 3);

/** The grade the score's band has in the wording of the printed grade (its first family that has it). */
export function gradeForScore(score: number, printed: string): string {
  const family = GRADE_FAMILIES.find((f) => (f as readonly string[]).includes(printed)) ?? GRADE_FAMILIES[0];
  return family[band(score)]!;
}

/** Whether the printed grade is the score's band in any wording that uses that word. */
export function gradeFitsScore(score: number, printed: string): boolean {
  return GRADE_FAMILIES.some((f) => f[band(score)] === printed);
}
