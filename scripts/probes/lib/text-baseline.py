#!/usr/bin/env python3
"""The same files as text PDFs: score each degraded gold's source file on its source set's export.

usage: text-baseline.py DEGRADED_SET_DIR [OUTPUT_PROBES_DIR] [SCORER]

Needs the source sets' exports (npm run eval:probes -- p1 p2 … leaves them in output/probes/pN). Prints, per
file and summed, fields right as text vs as degraded, so a FINDINGS note can tell what the degradation cost
from what the text reading already misses.
"""
import glob
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
setdir = os.path.abspath(sys.argv[1])
outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "output", "probes")
scorer = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("SCORER", os.path.join(root, "..", "shared", "tools", "score-export.py"))


def score(corpus, export, file):
    out = subprocess.run(["python3", scorer, corpus, export, f"file={file}"], capture_output=True, text=True).stdout
    m = re.search(r"^\s+all: (\d+)/(\d+)", out, re.M)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


tot_t, tot_d = [0, 0], [0, 0]
deg_export = os.path.join(outdir, os.path.basename(setdir))
for p in sorted(glob.glob(os.path.join(setdir, "corpus", "*.gold.json"))):
    g = json.load(open(p, encoding="utf-8"))
    src = os.path.normpath(os.path.join(setdir, "corpus", g["degraded_from"]))
    src_set = os.path.basename(os.path.dirname(os.path.dirname(src)))
    t = score(os.path.dirname(src), os.path.join(outdir, src_set), os.path.basename(src))
    d = score(os.path.join(setdir, "corpus"), deg_export, g["file"])
    for acc, v in ((tot_t, t), (tot_d, d)):
        acc[0] += v[0]
        acc[1] += v[1]
    print(f"{src_set:4} text {t[0]:3}/{t[1]:3}  degraded {d[0]:3}/{d[1]:3}  {g['file']}")
pc = lambda a: f"{100.0 * a[0] / a[1]:.1f}%" if a[1] else "n/a"
print(f"TEXT-BASELINE same files as text {tot_t[0]}/{tot_t[1]} = {pc(tot_t)}; degraded {tot_d[0]}/{tot_d[1]} = {pc(tot_d)}")
