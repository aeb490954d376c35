"""Checks the labelled adverts (shape, lengths, term counts) and prints counts per split, field
and level."""

import collections
import html
import json
import pathlib
import re
import sys

root = str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "adverts") + "/"
REQ = {"id", "company", "role", "field", "level", "format", "text", "key_terms"}
ok = True


def words(a):
    t = a["text"]
    if a["format"] == "html":
        t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    return len(t.split())


allf = collections.Counter()
for split, prefix in (("heldout", "ah"), ("dev", "ad")):
    try:
        with open(root + split + ".json") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        print(split, "missing")
        continue
    ids = [a["id"] for a in data]
    if len(set(ids)) != len(ids):
        print("dup ids", split)
        ok = False
    for a in data:
        errs = []
        if set(a) != REQ:
            errs.append(f"keys {set(a) ^ REQ}")
        if not a["id"].startswith(prefix):
            errs.append("id prefix")
        if a["level"] not in ("entry", "mid", "senior"):
            errs.append("level")
        if a["format"] not in ("text", "html"):
            errs.append("format")
        if a["format"] == "html" and "<" not in a["text"]:
            errs.append("html without tags")
        w = words(a)
        if not 200 <= w <= 600:
            errs.append(f"words {w}")
        kt = a["key_terms"]
        if not 6 <= len(kt) <= 18:
            errs.append(f"terms {len(kt)}")
        if not any(t["core"] for t in kt):
            errs.append("no core")
        seen = {}
        for t in kt:
            if (
                set(t) != {"term", "variants", "core"}
                or not isinstance(t["core"], bool)
                or not isinstance(t["variants"], list)
            ):
                errs.append(f"term shape {t}")
            for s in [t["term"]] + t["variants"]:
                k = s.lower()
                if k in seen and seen[k] != t["term"]:
                    errs.append(f"surface '{s}' in {seen[k]} and {t['term']}")
                seen[k] = t["term"]
        if errs:
            ok = False
            print(a["id"], errs)
    print(f"\n{split}: {len(data)} adverts")
    print("  levels:", dict(collections.Counter(a["level"] for a in data)))
    print("  formats:", dict(collections.Counter(a["format"] for a in data)))
    print("  fields:", dict(sorted(collections.Counter(a["field"] for a in data).items())))
    nt = [len(a["key_terms"]) for a in data]
    nc = [sum(t["core"] for t in a["key_terms"]) for a in data]
    wc = [words(a) for a in data]
    print(
        f"  terms/advert: min {min(nt)} max {max(nt)} mean {sum(nt) / len(nt):.1f} "
        f"(total {sum(nt)}, core {sum(nc)})"
    )
    print(f"  words/advert: min {min(wc)} max {max(wc)} mean {sum(wc) / len(wc):.0f}")
    print("  per advert (id field level format words terms core):")
    for a, n, c, w in zip(data, nt, nc, wc, strict=True):
        print(
            f"    {a['id']} {a['field']:<18} {a['level']:<6} {a['format']:<4} {w:>4} {n:>3} {c:>3}"
        )
    allf.update(a["field"] for a in data)
print("\nfields across splits:", len(allf))
print("OK" if ok else "PROBLEMS")
sys.exit(0 if ok else 1)
