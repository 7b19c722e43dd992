#!/usr/bin/env python3
"""Count exported values that are WRONG and not marked uncertain (issue 11: "wrong-and-certain must be 0").

usage: wrong-certain.py GOLD_DIR EXPORT_DIR [--list]

A value is wrong when the export states it (non-empty) and it matches neither the gold nor a planted
discrepancy's values: report fields (department, year, score, grade), the scored totals, staff counts, the
amount of a budget line whose section and item match a gold line, the target of an indicator whose level3
matches. (Empty cells are misses, not wrong values — the corpus scorer counts those.)
A wrong value is *flagged* when the export marks it: an issues.csv row of the same report whose code contains
"uncertain" and which names the field (a `field` column, or the field / column name / printed value in its
message), or a figures.csv row for that key with a true `uncertain` column, or — the export's own marks — the
field's column listed in reports.csv `uncertain_fields`, or the budget_lines.csv / indicators.csv row itself with
`uncertain` = 1. Everything else is wrong-and-certain. The last line also says how many were marked by the
export's columns alone, and how many exported values are marked uncertain in all (marking everything is no answer).
"""
import csv
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    s = unicodedata.normalize("NFKC", str(s or ""))
    return re.sub(r"[\s，,。.、：:；;（）()《》“”\"'·]", "", s)


def num(s):
    try:
        return float(str(s).replace(",", "").replace("%", "")) if s not in (None, "") else None
    except ValueError:
        return None


def rd(d, n):
    p = os.path.join(d, n)
    return list(csv.DictReader(open(p, encoding="utf-8-sig", newline=""))) if os.path.exists(p) else []


def main():
    gold_dir, exp = sys.argv[1], sys.argv[2]
    reports = rd(exp, "reports.csv")
    by_file = {os.path.basename(r["source_file"]): r for r in reports}
    rid = {r["report_id"]: os.path.basename(r["source_file"]) for r in reports}
    issues, figs, lines, inds = {}, {}, {}, {}
    for name, store in (("issues.csv", issues), ("figures.csv", figs), ("budget_lines.csv", lines), ("indicators.csv", inds)):
        for r in rd(exp, name):
            store.setdefault(rid.get(r.get("report_id")), []).append(r)

    def flagged(f, keys, value):
        for i in issues.get(f, []):
            if "uncertain" not in (i.get("code") or ""):
                continue
            if i.get("field") and any(k in i["field"] for k in keys):
                return True
            msg = i.get("message") or ""
            if any(k in msg for k in keys) or (value and str(value) in msg):
                return True
        for g in figs.get(f, []):
            if g.get("key") in keys and str(g.get("uncertain", "")).lower() in ("1", "true", "yes"):
                return True
        return False

    wrong = flagged_n = by_columns = 0
    out = []
    for p in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        g = json.load(open(p, encoding="utf-8"))
        f = g["file"]
        r = by_file.get(f)
        if not r:
            continue
        planted = {}
        for d in g["discrepancies"]:
            planted.setdefault(d["field"], []).extend(d["values"])
        ucols = {c.strip() for c in (r.get("uncertain_fields") or "").split("|") if c.strip()}
        marked_cells = lambda c: c in ucols  # noqa: E731
        checks = [("department", r.get("department"), [g["report"]["department"]], "text", marked_cells("department")),
                  ("fiscal_year", r.get("fiscal_year"), [g["report"]["fiscal_year"]], "num", marked_cells("fiscal_year")),
                  ("self_score", r.get("self_score"), [g["report"]["self_score"]], "num", marked_cells("self_score")),
                  ("grade", r.get("grade"), [g["report"]["grade"]] + planted.get("grade", []), "text", marked_cells("grade"))]
        for k in ("budget_total", "executed_total", "execution_rate", "basic_total", "project_total", "yoy_change"):
            if k in g["totals"]:
                col = k + ("_pct" if k == "execution_rate" else "_wan")
                checks.append((k, r.get(col), [g["totals"][k]] + planted.get(k, []), "num", marked_cells(col)))
        for k, c in (("authorized", "staff_authorized"), ("in_service", "staff_in_service"), ("contract", "staff_contract"), ("retired", "staff_retired")):
            checks.append((c, r.get(c), [g["personnel"][k]], "num", marked_cells(c)))
        for gl in g["budget_lines"]:
            got = [x for x in lines.get(f, []) if x["section"] == gl["section"] and norm(x["item"]) == norm(gl["item"])]
            want = [gl["amount"]] + gl.get("alt_amounts", []) + planted.get(f"{gl['section']}:{gl['item']}", []) + planted.get(gl["section"], [])
            for x in got:
                checks.append((f"{gl['section']}:{gl['item']}", x.get("amount_wan"), want, "num", x.get("uncertain") == "1"))
        for gi in g["indicators"]:
            for x in inds.get(f, []):
                if norm(x.get("level3")) == norm(gi["level3"]) and x.get("target"):
                    checks.append((f"indicator:{gi['level3']}", x.get("target"), [gi["target"]], "target", x.get("uncertain") == "1"))
        for key, got, want, kind, mark in checks:
            if got in (None, ""):
                continue
            if kind == "num":
                ok = any(w is not None and num(got) is not None and abs(num(got) - float(w)) <= 0.006 for w in want)
            elif kind == "target":
                ok = any(norm(got).replace("以上", "").lstrip("≥>=") == norm(w).replace("以上", "").lstrip("≥>=") for w in want)
            else:
                ok = any(norm(got) == norm(w) for w in want if w is not None)
            if ok:
                continue
            wrong += 1
            fl = mark or flagged(f, [key, key.split(":")[-1]], got)
            flagged_n += bool(fl)
            by_columns += bool(mark)
            out.append(f"{'flagged' if fl else 'CERTAIN'}  {f}: {key} exported {got!r}, true {want[0]!r}")
    if "--list" in sys.argv:
        print("\n".join(out))
    # How much the export marks in all: the uncertain cells of reports.csv and the uncertain line rows.
    cells = sum(len([c for c in (r.get("uncertain_fields") or "").split("|") if c.strip()]) for r in reports)
    line_rows = {n: rd(exp, n) for n in ("budget_lines.csv", "indicators.csv", "tasks.csv", "projects.csv")}
    marked_rows = sum(sum(x.get("uncertain") == "1" for x in rows) for rows in line_rows.values())
    all_rows = sum(len(rows) for rows in line_rows.values())
    print(f"MARKED {cells} reports.csv cells of {len(reports)} reports; {marked_rows} of {all_rows} line rows (budget lines, indicators, tasks, projects)")
    print(f"WRONG {wrong} exported values wrong; {flagged_n} marked uncertain ({by_columns} by the export's uncertain columns); wrong-and-certain {wrong - flagged_n}")


if __name__ == "__main__":
    main()
