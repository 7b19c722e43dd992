#!/usr/bin/env python3
"""Degraded copies of probe PDFs, with their gold (render = scan / mixed / garbled).

  degrade.py scan     SRC DST [--dpi 200] [--angle 1.2] [--quality 40]   grey image-only scan, noise, JPEG
  degrade.py colour   SRC DST [--dpi 150] [--seal-near TEXT] [--seal-name NAME]
                                          colour scan, a red seal over the figures near TEXT, rules made faint
  degrade.py turned   SRC DST --turn 2:90,3:270 [--dpi 200]               image-only scan, listed pages turned
  degrade.py mixed    SRC DST --from N                                    pages N.. scanned, earlier pages text
  degrade.py garbled  SRC DST                                             every /ToUnicode map removed

SRC is a probe PDF next to its SRC.gold.json; DST.gold.json is written beside DST with file and render set,
the source named in "degraded_from", and discrepancies that need another report of the source set (cross-year,
cross-department) dropped, because that report is not in the degraded set.
Tools: poppler-utils (pdftoppm, pdftotext, pdfinfo), ImageMagick 6 (convert), img2pdf, qpdf, fix-qdf.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def run(*a, **kw):
    return subprocess.run([str(x) for x in a], check=True, stdout=kw.pop("stdout", subprocess.PIPE), stderr=subprocess.PIPE, **kw)


def pages(pdf):
    out = run("pdfinfo", pdf).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_size_pt(pdf, n):
    out = run("pdfinfo", "-f", n, "-l", n, pdf).stdout.decode()
    m = re.search(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def raster(pdf, n, dpi, tmp, gray=True):
    base = os.path.join(tmp, f"r{n}")
    run("pdftoppm", "-r", dpi, "-f", n, "-l", n, *(["-gray"] if gray else []), pdf, base)
    f = [x for x in os.listdir(tmp) if x.startswith(f"r{n}-") or x == f"r{n}.pgm" or x == f"r{n}.ppm"]
    return os.path.join(tmp, sorted(f)[0])


def scan_page(src_img, dst_jpg, angle, quality, seed, turn=0):
    args = ["convert", "-seed", seed, src_img, "-background", "white"]
    if turn:
        args += ["-rotate", turn]
    args += ["-rotate", angle, "-attenuate", "0.35", "+noise", "Gaussian", "-quality", quality, dst_jpg]
    run(*args)


def images_to_pdf(jpgs, dst, dpi):
    # the page size follows the image at its scanning resolution, so a turned page is a landscape page
    run("img2pdf", "--imgsize", f"{dpi}dpi", *jpgs, "-o", dst)


def printed_as_gold(g):
    """A dropped cross-report finding's field holds the figure the page prints: without the other report
    no check can tell it is wrong, so the export is right to state what is printed (values[0])."""
    for d in g.get("dropped_discrepancies", []):
        if d["field"] in g.get("totals", {}):
            g["totals"][d["field"]] = d["values"][0]


def write_gold(src, dst, render, note):
    g = json.load(open(src[:-4] + ".gold.json", encoding="utf-8"))
    dropped = [d for d in g["discrepancies"] if d.get("scope", "report") != "report"]
    g["discrepancies"] = [d for d in g["discrepancies"] if d.get("scope", "report") == "report"]
    g["degraded_from"] = os.path.relpath(src, os.path.dirname(os.path.abspath(dst)))
    g["degradation"] = note
    if dropped:
        g["dropped_discrepancies"] = dropped
        printed_as_gold(g)
    g["file"] = os.path.basename(dst)
    g["render"] = render
    with open(dst[:-4] + ".gold.json", "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=1)


def cmd_scan(a, tmp):
    jpgs = []
    for n in range(1, pages(a.src) + 1):
        img = raster(a.src, n, a.dpi, tmp)
        ang = a.angle if n % 2 else -0.8 * a.angle
        j = os.path.join(tmp, f"s{n:03d}.jpg")
        scan_page(img, j, ang, a.quality, 40 + n)
        jpgs.append(j)
    images_to_pdf(jpgs, a.dst, a.dpi)
    write_gold(a.src, a.dst, "scan", f"{a.dpi} dpi grey scan, turned {a.angle}°/{-0.8 * a.angle:.2f}°, noise, JPEG q{a.quality}")


def seal_position(pdf, near, dpi):
    """page and pixel centre for the seal: over the figures just after the first occurrence of NEAR
    (else of 万元); pdftotext's "words" may be whole prose lines, so the x is interpolated inside the word."""
    out = run("pdftotext", "-bbox", pdf, "-").stdout.decode("utf-8", "replace")
    page, hit, width = 0, None, 595.0
    for ln in out.splitlines():
        pm = re.search(r'<page width="([\d.]+)"', ln)
        if pm:
            page += 1
            width = float(pm.group(1))
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', ln)
        if not m:
            continue
        w, key = m.group(5), near or "万元"
        if key in w:
            x0, x1 = float(m.group(1)), float(m.group(3))
            end = x0 + (x1 - x0) * (w.index(key) + len(key)) / max(1, len(w))
            hit = (page, min(end + 45, width - 70), float(m.group(2)))
            break
    if not hit:
        return 1, 700, 700
    p, x, y = hit
    k = dpi / 72
    return p, int(x * k), int(y * k) + int(6 * k)


def faint_rules(img, out):
    """rules 1–2 px thick lifted to light grey (long thin dark runs only, so text strokes stay dark)"""
    run("convert", img,
        "(", "+clone", "-colorspace", "gray", "-negate", "-morphology", "Open", "rectangle:41x1", ")",
        "(", "-clone", "0", "-colorspace", "gray", "-negate", "-morphology", "Open", "rectangle:1x41", ")",
        "(", "-clone", "1", "-clone", "2", "-compose", "Lighten", "-composite", "-evaluate", "multiply", "0.55", ")",
        "-delete", "1,2", "-compose", "LinearDodge", "-composite", out)


def cmd_colour(a, tmp):
    sp, sx, sy = seal_position(a.src, a.seal_near, a.dpi)
    r = int(a.dpi * 0.8)  # a 40 mm seal
    jpgs = []
    for n in range(1, pages(a.src) + 1):
        img = raster(a.src, n, a.dpi, tmp, gray=False)
        f = os.path.join(tmp, f"f{n}.png")
        faint_rules(img, f)
        cur = f
        if n == sp:
            seal = os.path.join(tmp, "seal.png")
            w, h = run("identify", "-format", "%w %h", f).stdout.decode().split()
            name = a.seal_name or "财务专用章"
            run("convert", "-size", f"{w}x{h}", "xc:white", "-fill", "none", "-stroke", "rgb(214,40,40)", "-strokewidth", max(3, a.dpi // 30),
                "-draw", f"circle {sx},{sy} {sx + r},{sy}", "-stroke", "none", "-fill", "rgb(214,40,40)", "-font", FONT,
                "-pointsize", int(a.dpi * 0.14), "-gravity", "NorthWest",
                "-draw", f"text {sx - int(r * 0.78)},{sy - int(r * 0.62)} '{name}'",
                "-pointsize", int(a.dpi * 0.42), "-draw", f"text {sx - int(a.dpi * 0.19)},{sy - int(a.dpi * 0.26)} '★'",
                "-pointsize", int(a.dpi * 0.12), "-draw", f"text {sx - int(r * 0.45)},{sy + int(r * 0.4)} '财务专用章'",
                "-blur", "0x0.6", seal)
            s = os.path.join(tmp, f"s{n}.png")
            run("convert", f, seal, "-compose", "Multiply", "-composite", s)
            cur = s
        j = os.path.join(tmp, f"c{n:03d}.jpg")
        ang = 0.9 if n % 2 else -0.7
        run("convert", "-seed", 70 + n, cur, "(", "+clone", "-fill", "rgb(249,245,233)", "-colorize", "100", ")", "-compose", "Multiply", "-composite",
            "-background", "rgb(249,245,233)", "-rotate", ang, "-attenuate", "0.25", "+noise", "Gaussian", "-quality", "50", j)
        jpgs.append(j)
    images_to_pdf(jpgs, a.dst, a.dpi)
    write_gold(a.src, a.dst, "scan", f"{a.dpi} dpi colour scan, red seal on page {sp} near '{a.seal_near or '万元'}', faint rules, JPEG q50")


def cmd_turned(a, tmp):
    turns = {int(k): int(v) for k, v in (x.split(":") for x in a.turn.split(","))}
    jpgs = []
    for n in range(1, pages(a.src) + 1):
        img = raster(a.src, n, a.dpi, tmp)
        j = os.path.join(tmp, f"t{n:03d}.jpg")
        scan_page(img, j, 0.6 if n % 2 else -0.5, 45, 50 + n, turns.get(n, 0))
        jpgs.append(j)
    images_to_pdf(jpgs, a.dst, a.dpi)
    write_gold(a.src, a.dst, "scan", f"{a.dpi} dpi grey scan, pages turned {a.turn} (content turned, page landscape), JPEG q45")


def cmd_mixed(a, tmp):
    n = pages(a.src)
    assert 1 < a.from_page <= n, "mixed: --from must be a page after the first"
    jpgs = []
    for p in range(a.from_page, n + 1):
        img = raster(a.src, p, 200, tmp)
        j = os.path.join(tmp, f"m{p:03d}.jpg")
        scan_page(img, j, 0.7 if p % 2 else -0.6, 45, 60 + p)
        jpgs.append(j)
    scans = os.path.join(tmp, "scans.pdf")
    images_to_pdf(jpgs, scans, 200)
    run("qpdf", "--empty", "--pages", a.src, f"1-{a.from_page - 1}", scans, "1-z", "--", a.dst)
    write_gold(a.src, a.dst, "mixed", f"pages 1–{a.from_page - 1} text, pages {a.from_page}–{n} a 200 dpi grey scan")


def cmd_garbled(a, tmp):
    qdf = os.path.join(tmp, "g.qdf.pdf")
    run("qpdf", "--qdf", "--object-streams=disable", a.src, qdf)
    text = open(qdf, "rb").read().decode("latin1")
    pat = re.compile(r"^\s*/ToUnicode \d+ 0 R\s*\n", re.M)
    k = len(pat.findall(text))
    assert k, f"{a.src}: no /ToUnicode entries to remove"
    ed = os.path.join(tmp, "g.edited.pdf")
    open(ed, "wb").write(pat.sub("", text).encode("latin1"))
    fixed = os.path.join(tmp, "g.fixed.pdf")
    with open(fixed, "wb") as f:
        subprocess.run(["fix-qdf", ed], check=True, stdout=f)
    run("qpdf", "--deterministic-id", "--object-streams=generate", "--compress-streams=y", fixed, a.dst)
    write_gold(a.src, a.dst, "garbled", f"{k} /ToUnicode maps removed: the text layer is there but decodes to other code points")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["scan", "colour", "turned", "mixed", "garbled"])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--dpi", type=int, default=None)
    ap.add_argument("--angle", type=float, default=1.2)
    ap.add_argument("--quality", type=int, default=40)
    ap.add_argument("--seal-near", default=None)
    ap.add_argument("--seal-name", default=None)
    ap.add_argument("--turn", default="1:90")
    ap.add_argument("--from", dest="from_page", type=int, default=2)
    a = ap.parse_args()
    a.dpi = a.dpi or (150 if a.kind == "colour" else 200)
    os.makedirs(os.path.dirname(os.path.abspath(a.dst)), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="degrade-")
    try:
        globals()["cmd_" + a.kind](a, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{a.kind:8} {os.path.getsize(a.dst) // 1024:5d} KB  {a.dst}")


if __name__ == "__main__":
    main()
