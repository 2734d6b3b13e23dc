#!/usr/bin/env python3
"""Check hand-labelled gold files against the extraction contract (../shared/eval/CONTRACT.md).

usage: check_gold.py [DIR ...]        (default: tests/corpus/dev next to this script)

For every NAME.gold.json it checks that the file parses, uses the contract's field names,
that kinds and ISO dates are valid, and that every labelled text (resolution text, action
text or one of its alt_texts, due_text) really occurs in NAME.txt, compared case- and
whitespace-insensitively. It does not judge whether the labels are right.
Exit status 1 when any error is found; warnings do not fail.
"""
import datetime
import json
import re
import sys
from pathlib import Path

KINDS = {"agreed", "resolved", "noted", "recommended"}
TOP = {"source", "council", "meeting", "score_meeting", "resolutions", "actions", "notes"}
# older gold files (shared/eval/public) keep the meeting fields at the top level
LEGACY = {"committee", "meeting_date", "case_kind", "unmarked_resolutions"}
MEETING = {"committee", "date", "next_meeting"}
RES = {"kind", "text", "optional", "note", "lead_in", "number", "item"}
ACT = {"text", "owner", "due_text", "due", "alt_texts", "optional", "note", "item", "derived"}


def norm(s):
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(s.split())


def iso(v):
    try:
        return datetime.date.fromisoformat(v).isoformat() == v
    except (TypeError, ValueError):
        return False


def check(gold_path):
    errs, warns = [], []
    stem = gold_path.name[: -len(".gold.json")]
    doc_path = next((gold_path.with_name(stem + s) for s in (".txt", ".html", ".htm")
                     if gold_path.with_name(stem + s).exists()), None)
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as e:
        return [f"not JSON: {e}"], []
    if doc_path is None:
        errs.append("no document beside the gold file")
        doc = ""
    else:
        doc = norm(doc_path.read_text(encoding="utf-8"))

    def occurs(text, what):
        if doc and norm(text) not in doc:
            errs.append(f"{what} not found in document: {text[:80]!r}")

    for k in set(g) - TOP - LEGACY:
        errs.append(f"unknown top-level field {k!r}")
    for k in ("source", "council", "resolutions", "actions"):
        if k not in g:
            errs.append(f"missing field {k!r}")
    m = g.get("meeting")
    if m is None:
        if g.get("score_meeting", True) and "committee" not in g and "meeting_date" not in g:
            errs.append("no 'meeting' object and score_meeting is not false")
    else:
        for k in set(m) - MEETING:
            errs.append(f"unknown meeting field {k!r}")
        for k in MEETING:
            if k not in m:
                errs.append(f"meeting.{k} missing (use null)")
        for k in ("date", "next_meeting"):
            if m.get(k) is not None and not iso(m[k]):
                errs.append(f"meeting.{k} is not an ISO date: {m[k]!r}")
        if m.get("date") and m.get("next_meeting") and m["next_meeting"] <= m["date"]:
            errs.append("next_meeting is not after the meeting date")
        if m.get("committee"):
            occurs(m["committee"], "meeting.committee")
    if "score_meeting" in g and not isinstance(g["score_meeting"], bool):
        errs.append("score_meeting must be true or false")

    for i, r in enumerate(g.get("resolutions") or []):
        for k in set(r) - RES:
            errs.append(f"resolution {i}: unknown field {k!r}")
        if r.get("kind") not in KINDS:
            errs.append(f"resolution {i}: kind {r.get('kind')!r} not one of {sorted(KINDS)}")
        if not isinstance(r.get("text"), str):
            errs.append(f"resolution {i}: text must be a string (\"\" for a bare keyword)")
        elif r["text"]:
            occurs(r["text"], f"resolution {i} text")
        if "optional" in r and not isinstance(r["optional"], bool):
            errs.append(f"resolution {i}: optional must be a boolean")

    for i, a in enumerate(g.get("actions") or []):
        for k in set(a) - ACT:
            errs.append(f"action {i}: unknown field {k!r}")
        for k in ("text", "owner", "due_text", "due"):
            if k not in a:
                errs.append(f"action {i}: missing field {k!r} (use null)")
        if not a.get("text"):
            errs.append(f"action {i}: empty text")
            continue
        texts = [a["text"]] + list(a.get("alt_texts") or [])
        if doc and not any(norm(t) in doc for t in texts):
            errs.append(f"action {i}: neither text nor alt_texts found in document: {a['text'][:80]!r}")
        for t in texts[1:]:
            if doc and norm(t) not in doc:
                warns.append(f"action {i}: alt_text not verbatim in document: {t[:80]!r}")
        if a.get("due") is not None:
            if not iso(a["due"]):
                errs.append(f"action {i}: due is not an ISO date: {a['due']!r}")
            if not a.get("due_text"):
                errs.append(f"action {i}: due given without due_text")
            md = (m or {}).get("date")
            if md and a["due"] < md:
                errs.append(f"action {i}: due {a['due']} is before the meeting {md}")
        if a.get("due_text"):
            occurs(a["due_text"], f"action {i} due_text")
        if a.get("owner") and doc:
            # the owner is as written; a "Role, Name" owner may combine two mentions
            parts = [p.strip() for p in a["owner"].split(",")]
            if not all(norm(p) in doc for p in parts):
                warns.append(f"action {i}: owner not verbatim in document: {a['owner']!r}")
        if "optional" in a and not isinstance(a["optional"], bool):
            errs.append(f"action {i}: optional must be a boolean")
    return errs, warns


def main():
    dirs = [Path(d) for d in sys.argv[1:]] or [Path(__file__).resolve().parent / "dev"]
    bad = 0
    n = 0
    for d in dirs:
        for p in sorted(d.glob("*.gold.json")):
            n += 1
            errs, warns = check(p)
            for e in errs:
                print(f"{p.name}: ERROR {e}")
            for w in warns:
                print(f"{p.name}: warning {w}")
            bad += bool(errs)
    print(f"{n} gold files checked, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
