#!/usr/bin/env python3
"""Score each stacked project form of a probe set on its own (the scorer's proposed extension).

usage: stacked-parts.py GOLD_DIR EXPORT_DIR

The corpus scorer keys reports by source file and keeps the last reports.csv row of a file, so a
file stacking several project forms is scored on one row only. Here every gold with `stacked_parts`
has each part matched to the reports.csv row of the same source file and project name, and that
row's own fields and indicators (by report_id) scored against the part. Prints one line per part
and a summary line.
"""
import csv
import glob
import json
import os
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", str(s or ""))
    return re.sub(r"[\s，,。.、：:；;（）()《》“”\"'·]", "", s)


def num(s):
    try:
        return None if s in (None, "") else float(str(s).replace(",", ""))
    except ValueError:
        return None


def read_csv(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def main():
    gold_dir, exp = sys.argv[1], sys.argv[2]
    reports = read_csv(exp, "reports.csv")
    inds = read_csv(exp, "indicators.csv")
    ok_all = tot_all = 0
    for p in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        g = json.load(open(p, encoding="utf-8"))
        parts = g.get("stacked_parts")
        if not parts:
            continue
        rows = [r for r in reports if os.path.basename(r.get("source_file", "")) == g["file"]]
        for k, part in enumerate(parts, 1):
            rep, t = part["report"], part.get("totals", {})
            row = next((r for r in rows if norm(r.get("project_name")) == norm(rep.get("project_name"))), None)
            checks = []
            if row is None:
                checks = [("row", False)]
            else:
                checks.append(("department", norm(row.get("department")) == norm(rep["department"])))
                checks.append(("fiscal_year", num(row.get("fiscal_year")) == rep["fiscal_year"]))
                checks.append(("implementing_unit", norm(row.get("implementing_unit")) == norm(rep.get("implementing_unit"))))
                want = rep.get("self_score")
                got = num(row.get("self_score"))
                checks.append(("self_score", (got is None) if want is None else (got is not None and abs(got - want) < 0.006)))
                for key, col in (("budget_total", "budget_total_wan"), ("initial_budget", "initial_budget_wan"),
                                 ("executed_total", "executed_total_wan"), ("execution_rate", "execution_rate_pct")):
                    if key in t:
                        got = num(row.get(col))
                        checks.append((key, (got is None) if t[key] is None else (got is not None and abs(got - t[key]) < 0.006)))
                mine = [x for x in inds if x.get("report_id") == row["report_id"]]
                for gi in part.get("indicators", []):
                    checks.append((f"indicator {gi['level3']}", any(norm(x.get("level3")) == norm(gi["level3"]) for x in mine)))
                extra = len(mine) - len(part.get("indicators", []))
                if extra > 0:
                    checks.append((f"{extra} indicator rows of another form", False))
            ok = sum(1 for _, v in checks if v)
            ok_all += ok
            tot_all += len(checks)
            miss = ", ".join(n for n, v in checks if not v)
            print(f"{g['file']} part {k} ({rep.get('project_name')}): {ok}/{len(checks)}{' MISS ' + miss if miss else ''}")
    if tot_all:
        print(f"SUMMARY stacked parts: {ok_all}/{tot_all} = {100.0 * ok_all / tot_all:.1f}%")
    else:
        print("SUMMARY stacked parts: none in this set")


if __name__ == "__main__":
    main()
