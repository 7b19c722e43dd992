"""Shared helpers for the probe generators p7 onwards (invented reports, gold in the corpus format).

Figures are Decimal and computed, never typed twice; a planted discrepancy is listed in the gold as
{rule, scope, field, values: [as printed, as it should be]} (the convention of p1–p6 and the corpus).
HTML is written once and rendered either by LibreOffice (HTML (StarWriter) import, table borders as
attributes — see ../../shared/spec/pitfalls.md) or by Chromium; both read the same markup.
"""
import json
import os
import subprocess
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from html import escape

D = D


def q(x, n="0.01"):
    return D(x).quantize(D(n), rounding=ROUND_HALF_UP)


def pct(a, b, n="0.01"):
    return q(D(a) / D(b) * 100, n)


def fl(x):
    return None if x is None else float(D(x))


def sep(x, dec=2):
    """thousands separators"""
    return f"{D(x):,.{dec}f}"


def fw(s):
    """full-width digits and punctuation, as some Word templates print them"""
    return str(s).translate(str.maketrans("0123456789.%,", "０１２３４５６７８９．％，"))


def gold(corpus, file, report, personnel, totals, lines=(), inds=(), tasks=(), projs=(), discs=(), template="?", render="text", **extra):
    """report: department, fiscal_year, report_kind, self_score, grade (+ project_name, … ignored by the scorer)."""
    rep = {"department": None, "fiscal_year": None, "report_kind": None, "self_score": None, "grade": None}
    rep.update(report)
    pers = {"authorized": None, "in_service": None, "contract": None, "retired": None}
    pers.update(personnel or {})
    g = {"report": rep, "personnel": pers, "totals": {k: fl(v) if isinstance(v, D) else v for k, v in totals.items()},
         "budget_lines": list(lines), "indicators": list(inds), "tasks": list(tasks), "projects": list(projs),
         "discrepancies": list(discs), "file": file, "template": template, "render": render}
    g.update(extra)
    os.makedirs(corpus, exist_ok=True)
    with open(os.path.join(corpus, file[:-4] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=1)
    return g


CANON = {"工资福利支出": "工资和福利支出"}  # the item's canonical name (export contract); the report prints the other


def line(section, item, amount, share=None, **kw):
    d = {"section": section, "item": CANON.get(item, item), "amount": fl(amount), "share": fl(share)}
    d.update({k: [fl(x) for x in v] if isinstance(v, (list, tuple)) else v for k, v in kw.items()})
    return d


def ind(l1, l2, l3, target, actual=None, weight=None, score=None):
    d = {"level1": l1, "level2": l2, "level3": l3, "target": target}
    if actual is not None:
        d["actual"] = actual
    if weight is not None:
        d["weight"] = fl(D(str(weight)))
    if score is not None:
        d["score"] = fl(D(str(score)))
    return d


def proj(name, budget, executed):
    return {"name": name, "budget": fl(budget), "executed": fl(executed), "rate": fl(pct(executed, budget))}


def disc(rule, field, printed, true, scope="report"):
    return {"rule": rule, "scope": scope, "field": field, "values": [fl(printed) if isinstance(printed, D) else printed,
                                                                     fl(true) if isinstance(true, D) else true]}


# ------------------------------------------------------------------ HTML
CSS = """@page { size: A4; margin: 20mm 18mm; } body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC'; font-size: 11pt; line-height: 1.6 }
h1 { font-size: 18pt; text-align: center; margin: 6pt 0 } h2 { font-size: 13pt; margin: 8pt 0 3pt } h3 { font-size: 11.5pt; margin: 5pt 0 2pt }
p { text-indent: 2em; margin: 3pt 0 } table { border-collapse: collapse; width: 100%; margin: 4pt 0 }
td { border: 1px solid #000; padding: 2pt 4pt; font-size: 9.5pt; vertical-align: middle }
table.nb td { border: none } .r { text-align: right } .c { text-align: center } .l { text-align: left }
.cap { text-align: center; text-indent: 0; font-weight: bold } .u { text-align: right; text-indent: 0 } .ni { text-indent: 0 }
.pb { page-break-before: always } .cover { text-align: center; text-indent: 0; font-size: 20pt; font-weight: bold; margin: 14pt 0 }
.lab { text-indent: 0; font-size: 13pt; margin: 10pt 0 10pt 3em } .sig { text-align: right; text-indent: 0 }"""


class Html:
    """A document as HTML that LibreOffice and Chromium both render (attributes carry what LO needs)."""

    def __init__(self, css_extra=""):
        self.parts = []
        self.css = CSS + css_extra

    def raw(self, s):
        self.parts.append(s)

    def h1(self, t):
        self.parts.append(f"<h1>{escape(t)}</h1>")

    def h2(self, t):
        self.parts.append(f"<h2>{escape(t)}</h2>")

    def h3(self, t):
        self.parts.append(f"<h3>{escape(t)}</h3>")

    def p(self, t, cls=None, align=None):
        a = f" class='{cls}'" if cls else ""
        al = f" align='{align}'" if align else ""
        self.parts.append(f"<p{a}{al}>{escape(t)}</p>")

    def br(self, n=1):
        for _ in range(n):
            self.parts.append("<p class='ni'>&#160;</p>")

    def pagebreak(self):
        self.parts.append("<p class='pb ni' style='page-break-before: always'>&#160;</p>")

    def table(self, rows, widths=None, border=True, cls=None, font=None):
        """rows: lists of cells; a cell is a str or a dict {t, cs, rs, a ('l'|'c'|'r'), b (bold)}."""
        c = cls or ("" if border else "nb")
        b = "1" if border else "0"
        out = [f"<table border='{b}' cellspacing='0' cellpadding='3' width='100%' class='{c}'>"]
        if widths:
            s = sum(widths)
            out.append("".join(f"<col width='{round(100 * w / s)}%'/>" for w in widths))
        for r in rows:
            out.append("<tr>")
            for cell in r:
                if cell is None:  # covered by a span
                    continue
                if not isinstance(cell, dict):
                    cell = {"t": cell}
                t = escape(str(cell.get("t", ""))).replace("\n", "<br/>")
                if cell.get("b"):
                    t = f"<b>{t}</b>"
                attrs = ""
                if cell.get("cs", 1) > 1:
                    attrs += f" colspan='{cell['cs']}'"
                if cell.get("rs", 1) > 1:
                    attrs += f" rowspan='{cell['rs']}'"
                a = {"l": "left", "c": "center", "r": "right"}[cell.get("a", "l")]
                st = f" style='font-size:{font}'" if font else ""
                out.append(f"<td align='{a}' class='{cell.get('a', 'l')}'{attrs}{st}>{t}</td>")
            out.append("</tr>")
        out.append("</table>")
        self.parts.append("".join(out))

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"<html><head><meta charset='utf-8'><style>{self.css}</style></head><body>" + "\n".join(self.parts) + "</body></html>")


def C(t, a="c", cs=1, rs=1, b=False):
    return {"t": t, "a": a, "cs": cs, "rs": rs, "b": b}


def indicator_rows(I, cols, merge=True):
    """I: dicts with l1,l2,l3 and the other columns named in cols (after the three levels); l1/l2 merged by rowspan."""
    rows = []
    for i, r in enumerate(I):
        row = []
        if merge:
            if i == 0 or I[i - 1]["l1"] != r["l1"]:
                n = 1
                while i + n < len(I) and I[i + n]["l1"] == r["l1"]:
                    n += 1
                row.append(C(r["l1"], rs=n))
            if i == 0 or (I[i - 1]["l1"], I[i - 1]["l2"]) != (r["l1"], r["l2"]):
                n = 1
                while i + n < len(I) and (I[i + n]["l1"], I[i + n]["l2"]) == (r["l1"], r["l2"]):
                    n += 1
                row.append(C(r["l2"], rs=n))
        else:
            row += [C(r["l1"]), C(r["l2"])]
        row.append(C(r["l3"], "l"))
        row += [C(str(r.get(k, "")), "l" if k in ("reason", "value") else "c") for k in cols]
        rows.append(row)
    return rows


# ------------------------------------------------------------------ rendering
def render_lo(html, outdir):
    subprocess.run(["timeout", "240", "soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", outdir, html], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def render_chromium(html, pdf):
    subprocess.run(["timeout", "180", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
