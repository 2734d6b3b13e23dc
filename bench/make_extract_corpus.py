#!/usr/bin/env python3
"""Generates the extraction-throughput corpus: about SIZE_MB megabytes per format (text, HTML,
DOCX, PDF) of varied minutes built from examples/minutes, in OUT/{text,html,docx,pdf}/.

    python3 bench/make_extract_corpus.py OUT [SIZE_MB]

Each document joins three to six of the sample minutes and varies them (committee, people,
dates, amounts, item numbers) so that no two documents are the same; HTML pages carry
ModernGov-style chrome (navigation, scripts, an item table, an action table), DOCX files
numbered lists, tracked changes and an action table, PDFs running headers and page numbers.
Deterministic: the same SIZE_MB gives the same files.
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests/fixtures/formats"))
import make_fixtures as mf  # noqa: E402  (the fixtures' ZIP and PDF writers)

COMMITTEES = ["Adult Social Care Scrutiny Panel", "Licensing Committee", "Audit and Governance Committee",
              "Housing Scrutiny Panel", "Planning Committee", "Health and Wellbeing Board",
              "Children and Young People's Scrutiny Panel", "Overview and Scrutiny Board"]
PEOPLE = ["Councillor Haldane", "Councillor Marsh", "Councillor Uddin", "Cllr Smith", "Councillor Okafor",
          "Councillor Pike", "Mrs L Armitage", "Councillor Fenwick"]
ROLES = ["Head of Finance", "Director of Public Health", "Democratic Services Officer", "Head of Housing Services",
         "Executive Director of Children's Services", "Licensing Manager", "Head of Internal Audit"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def samples():
    out = []
    for path in sorted((ROOT / "examples/minutes").glob("*.txt")):
        raw = path.read_bytes()
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252"))
    out.append((ROOT / "tests/fixtures/formats/sample.txt").read_text())
    return [s.replace("\r\n", "\n") for s in out]


def vary(text, rng):
    text = re.sub(r"Northbridge [A-Z][A-Za-z' ]+?(Panel|Committee|Board)", lambda m: "Northbridge " + rng.choice(COMMITTEES), text)
    text = re.sub(r"Councillor [A-Z][a-z]+", lambda m: rng.choice(PEOPLE), text)
    text = re.sub(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (20\d\d)\b",
                  lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2026)}", text)
    text = re.sub(r"\b\d{2,4}\b(?! (January|February|March|April|May|June|July|August|September|October|November|December))",
                  lambda m: str(rng.randint(10, 999)), text)
    return text


def document(rng, pieces):
    parts = [vary(rng.choice(pieces), rng) for _ in range(rng.randint(3, 6))]
    actions = [(f"Provide a briefing on item {rng.randint(1, 40)} to all Members", rng.choice(ROLES),
                f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024", rng.choice(["Open", "Complete", "In progress"]))
               for _ in range(rng.randint(2, 6))]
    return "\n\n".join(parts), actions


def paragraphs(text):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def html_page(text, actions):
    body = []
    for p in paragraphs(text):
        if p.startswith(("\u00b7", "\u2022")):
            body.append(f"<ul><li>{mf.esc(p[1:].strip())}</li></ul>")
        elif len(p) < 70 and not p.endswith("."):
            body.append(f"<h3 class=\"mgSubItemTitleTxt\">{mf.esc(p)}</h3>")
        else:
            body.append(f"<p>{mf.esc(p)}</p>")
    rows = "".join(f"<tr><td>{mf.esc(a)}</td><td>{mf.esc(o)}</td><td>{d}</td><td>{s}</td></tr>" for a, o, d, s in actions)
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Agenda and minutes</title>"
            "<script>window.mg = {menu: true};</script><style>.mgContent{margin:0}</style></head><body>"
            "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/mgListCommittees.aspx\">Committees</a></li></ul></nav>"
            "<div id=\"modgov\"><div class=\"mgContent\"><table class=\"mgItemTable\"><tr><td>1.</td><td>"
            + "\n".join(body) + "</td></tr></table><table><tr><th>Action</th><th>Responsible Officer</th>"
            "<th>Due date</th><th>Status</th></tr>" + rows + "</table></div></div><footer>Page last updated</footer>"
            "</body></html>")


def docx_file(text, actions):
    pars = []
    for i, p in enumerate(paragraphs(text)):
        if i % 7 == 3:  # a tracked change now and then: an insertion kept, a deletion dropped
            pars.append(f'<w:p><w:r><w:t xml:space="preserve">{mf.esc(p)}</w:t></w:r><w:ins w:id="{i}">'
                        f'<w:r><w:t xml:space="preserve"> (amended)</w:t></w:r></w:ins><w:del w:id="{i + 1}">'
                        '<w:r><w:delText>old words</w:delText></w:r></w:del></w:p>')
        elif p.startswith("(") and ")" in p[:5]:
            pars.append(mf.w_par(p.split(")", 1)[1].strip(), num=1))
        else:
            pars.append(mf.w_par(p))
    header = ["Action", "Responsible Officer", "Due date", "Status"]
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(mf.w_cell(c) for c in row) + "</w:tr>"
                                for row in [header, *actions]) + "</w:tbl>"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {mf.W}><w:body>'
                + "".join(pars) + table + "</w:body></w:document>")
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:numbering {mf.W}><w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    return mf.zip_bytes({"word/document.xml": document, "word/numbering.xml": numbering})


def pdf_file(text, actions):
    body = paragraphs(text) + [f"ACTION: {o} to {a[0].lower() + a[1:]} by {d}." for a, o, d, _ in actions]
    pages, page, y = [], [], 770
    for p in body:
        for line in mf.textwrap.wrap(p.encode("cp1252", "replace").decode("cp1252"), 88):
            if y < 90:
                pages.append(page)
                page, y = [], 770
            page.append((y, line))
            y -= 13
        y -= 13
    pages.append(page)
    for n, pg in enumerate(pages, 1):
        pg.insert(0, (800, "Northbridge Borough Council - Minutes"))
        pg.append((40, f"Page {n} of {len(pages)}"))
    return mf.pdf_bytes(pages)


def main():
    out = Path(sys.argv[1])
    size = int(float(sys.argv[2] if len(sys.argv) > 2 else 100) * 1e6)
    pieces = samples()
    writers = {"text": (".txt", lambda t, a: t.encode("utf-8")), "html": (".html", lambda t, a: html_page(t, a).encode()),
               "docx": (".docx", docx_file), "pdf": (".pdf", pdf_file)}
    for fmt, (ext, write) in writers.items():
        folder = out / fmt
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        rng = random.Random(fmt)
        total, n = 0, 0
        while total < size:
            text, actions = document(rng, pieces)
            data = write(text, actions)
            (folder / f"{n:06d}{ext}").write_bytes(data)
            total += len(data)
            n += 1
        print(f"{fmt}: {n} documents, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
