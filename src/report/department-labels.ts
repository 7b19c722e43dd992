/**
 * Short department names for charts that stay apart: the region prefix is dropped only where the
 * rest still names one department. Two districts' 融媒体中心 keep their full names, so a chart
 * never shows two different departments under one label.
 */
import { departmentKey } from "../store/department-key.js";
import { shortDepartment } from "./chart-kit.js";

export type DepartmentLabel = (name: string | null) => string;

export function departmentLabels(names: Iterable<string | null>): DepartmentLabel {
  const fullOf = new Map<string, string>();
  for (const n of names) {
    const k = departmentKey(n ?? undefined);
    if (k && !fullOf.has(k)) fullOf.set(k, n!.normalize("NFKC").replace(/\s/g, ""));
  }
  const keysOfShort = new Map<string, Set<string>>();
  for (const [k, full] of fullOf) {
    const s = shortDepartment(full);
    keysOfShort.set(s, (keysOfShort.get(s) ?? new Set()).add(k));
  }
  return (name) => {
    const k = departmentKey(name ?? undefined);
    if (!k || !name) return "未识别部门";
    const full = fullOf.get(k) ?? name;
    const s = shortDepartment(full);
    return (keysOfShort.get(s)?.size ?? 0) > 1 ? full : s;
  };
}
