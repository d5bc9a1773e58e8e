#!/usr/bin/env python3
"""Scores bangfu's tables, or a second annotation, against realdev's gold.

A predicted row matches a gold row when their evidence spans overlap (one to
one, in text order, as tests/gold.rs matches the fixture sets); matched rows
are then compared field by field. Documents are compared on title, published
date, donor and recipient.

    score.py --processed DIR [--gold tests/realdev/gold] [--cache tests/realdev/cache]
             [--floors funds=0.95,exchanges=0.90,...] [--batches b1,b2] [-v]
    score.py --annotation tests/realdev/annotations/b --gold tests/realdev/annotations/a
             (agreement between two annotators: the second is scored as if predicted)

Prints one line per table (P, R, F1, field accuracies) and, with -v, every
miss. With --floors, exits 1 when a figure is under its floor.
"""

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

TABLES = {
    "funds": ["amount", "qualifier", "kind", "scope"],
    "exchanges": ["value", "qualifier", "kind", "direction"],
    "projects": ["category", "scope", "status", "place", "count"],
}
DOC_FIELDS = ["title", "published", "donor", "recipient"]


def manifest_encodings() -> dict:
    """The `encoding` column of manifest.tsv, by file name."""
    path = Path(__file__).with_name("manifest.tsv")
    if not path.exists():
        return {}
    rows = csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")
    return {r["file"]: r["encoding"] for r in rows}


ENCODINGS = manifest_encodings()


def decode(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    name = path.name
    encoding = ENCODINGS.get(name, "")
    if name.endswith(".gbk.txt") or encoding in ("gb18030", "gbk"):
        return raw.decode("gb18030")
    if name.endswith(".big5.txt") or encoding == "big5":
        return raw.decode("big5hkscs")
    return raw.decode("utf-8")


def occurrence(text: str, needle: str, n: int):
    """Char range of the n-th (1-based) occurrence of needle."""
    start = -1
    for _ in range(max(n, 1)):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return (start, start + len(needle))


def cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def norm_title(t: str) -> str:
    t = unicodedata.normalize("NFKC", t or "")
    return "".join(t.split())


# Prefectures renamed when they became cities: an older article's name and
# SPEC's current official name are the same partner.
RENAMED = {
    "山南地区": "山南市", "林芝地区": "林芝市", "那曲地区": "那曲市", "日喀则地区": "日喀则市",
    "昌都地区": "昌都市", "吐鲁番地区": "吐鲁番市", "哈密地区": "哈密市", "海东地区": "海东市",
    "毕节地区": "毕节市", "铜仁地区": "铜仁市",
}


def norm_partners(v: str) -> str:
    return ";".join(RENAMED.get(p, p) for p in (v or "").split(";"))


def same_place(want: str, got: str) -> bool:
    # SPEC's chain starts at the county; a gold chain that also names the
    # prefecture (or province) still agrees.
    return want == got or (got != "" and want.endswith(got))


def load_gold(folder: Path):
    out = {}
    for p in sorted(folder.glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        out[p.name[: -len(".gold.json")]] = g
    return out


def gold_spans(g, table, text, doc, problems):
    rows = []
    for r in g.get(table) or []:
        span = occurrence(text, r["text"], int(r.get("occurrence") or 1))
        if span is None:
            problems.append(f"{doc}: {table} text {r['text']!r} #{r.get('occurrence')} not found")
            continue
        rows.append((span, r))
    rows.sort(key=lambda x: x[0])
    return rows


def read_predicted(processed: Path):
    tables = {}
    for table in list(TABLES) + ["documents"]:
        path = processed / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as f:
            tables[table] = list(csv.DictReader(f))
    return tables


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.fields = {}

    def field(self, name, ok):
        a, n = self.fields.get(name, (0, 0))
        self.fields[name] = (a + int(ok), n + 1)

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def f1(self):
        p, r = self.p(), self.r()
        return 2 * p * r / (p + r) if p + r else 0.0

    def acc(self, name):
        a, n = self.fields.get(name, (0, 0))
        return a / n if n else None


def compare_fields(table, want, got, score, misses, label):
    for key in TABLES[table]:
        w, g = cell(want.get(key)), cell(got.get(key))
        if key == "place":
            ok = same_place(w, g)
        elif key == "count" and want.get("scope") != "total":
            continue
        else:
            ok = w == g
        score.field(key, ok)
        if not ok:
            misses.append(f"{label}: {key} gold {w!r} got {g!r}")


def score_all(gold, texts, predicted_rows, predicted_docs):
    """predicted_rows[table][doc] = list of (span, row); predicted_docs[doc] = dict."""
    scores = {t: Score() for t in TABLES}
    docs = Score()
    misses = []
    for doc, g in gold.items():
        text = texts[doc]
        for table in TABLES:
            s = scores[table]
            pred = [[span, row, False] for span, row in predicted_rows.get(table, {}).get(doc, [])]
            for span, want in gold_spans(g, table, text, doc, misses):
                hit = next(
                    (p for p in pred if not p[2] and p[0][0] < span[1] and span[0] < p[0][1]),
                    None,
                )
                label = f"{table} {doc} {want['text']}"
                if hit is None:
                    s.fn += 1
                    misses.append(f"{label}: missed")
                    continue
                hit[2] = True
                s.tp += 1
                compare_fields(table, want, hit[1], s, misses, label)
            for span, row, used in pred:
                if not used:
                    s.fp += 1
                    misses.append(f"{table} {doc} {text[span[0]:span[1]]}: not in gold")
        want_doc = dict(g.get("document") or {})
        want_doc["donor"], want_doc["recipient"] = g.get("donor"), g.get("recipient")
        got_doc = predicted_docs.get(doc)
        if got_doc is None:
            misses.append(f"documents {doc}: no document row")
            continue
        for key in DOC_FIELDS:
            w, gv = cell(want_doc.get(key)), cell(got_doc.get(key))
            if key == "title":
                ok = norm_title(w) == norm_title(gv)
            elif key in ("donor", "recipient"):
                ok = norm_partners(w) == norm_partners(gv)
            else:
                ok = w == gv
            docs.field(key, ok)
            if not ok:
                misses.append(f"documents {doc}: {key} gold {w!r} got {gv!r}")
    return scores, docs, misses


def from_processed(processed: Path, gold):
    tables = read_predicted(processed)
    rows = {}
    for table in TABLES:
        by_doc = rows.setdefault(table, {})
        for r in tables[table]:
            span = (int(r["char_start"]), int(r["char_end"]))
            by_doc.setdefault(r["doc_id"], []).append((span, r))
    docs = {r["doc_id"]: r for r in tables["documents"]}
    return rows, docs


def from_annotation(folder: Path, texts):
    other = load_gold(folder)
    rows, docs = {}, {}
    for doc, g in other.items():
        if doc not in texts:
            continue
        problems = []
        for table in TABLES:
            rows.setdefault(table, {})[doc] = gold_spans(g, table, texts[doc], doc, problems)
        d = dict(g.get("document") or {})
        d["donor"], d["recipient"] = g.get("donor"), g.get("recipient")
        docs[doc] = d
    return rows, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parent
    ap.add_argument("--gold", type=Path, default=here / "gold")
    ap.add_argument("--cache", type=Path, default=here / "cache")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--processed", type=Path, help="a bangfu output folder (CSV tables)")
    src.add_argument("--annotation", type=Path, help="a second annotation folder, for agreement")
    ap.add_argument("--floors", default="", help="e.g. funds=0.95,exchanges=0.9,title=0.9")
    ap.add_argument("--batches", default="", help="score only these batches, e.g. b1,b2 (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    batches = [b for b in args.batches.split(",") if b]
    if batches:
        gold = {d: g for d, g in gold.items() if any(d.startswith(b + "-") for b in batches)}
    texts = {}
    for doc in list(gold):
        path = args.cache / doc
        if not path.exists():
            print(f"realdev: {doc} is not in the cache; skipped", file=sys.stderr)
            del gold[doc]
            continue
        texts[doc] = decode(path)
    if not gold:
        print("realdev: no gold article has its text in the cache", file=sys.stderr)
        return 2
    if args.processed:
        rows, docs = from_processed(args.processed, gold)
    else:
        rows, docs = from_annotation(args.annotation, texts)
        gold = {d: g for d, g in gold.items() if d in docs}
    scores, doc_score, misses = score_all(gold, texts, rows, docs)

    figures = {}
    print(f"realdev: {len(gold)} articles")
    print("table      gold  pred    P     R     F1    fields")
    for table, s in scores.items():
        fields = ", ".join(
            f"{k} {s.acc(k):.2f}" for k in TABLES[table] if s.acc(k) is not None
        )
        print(f"{table:<10} {s.tp + s.fn:>4} {s.tp + s.fp:>5} {s.p():.3f} {s.r():.3f} {s.f1():.3f}  {fields}")
        figures[table] = s.f1()
        for k in TABLES[table]:
            if s.acc(k) is not None:
                figures[f"{table}.{k}"] = s.acc(k)
    print("documents  " + ", ".join(f"{k} {doc_score.acc(k):.2f}" for k in DOC_FIELDS if doc_score.acc(k) is not None))
    for k in DOC_FIELDS:
        if doc_score.acc(k) is not None:
            figures[k] = doc_score.acc(k)
    if args.verbose:
        for m in misses:
            print("  " + m)
    failed = []
    for item in filter(None, args.floors.split(",")):
        key, floor = item.split("=")
        got = figures.get(key.strip())
        if got is None or got < float(floor):
            failed.append(f"{key} {got if got is None else round(got, 3)} < {floor}")
    if failed:
        print("realdev: under floor: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
