#!/usr/bin/env python3
"""Prints, for each owner/repo@tag, the commit SHAs that real workflows pin it to.

Reads every workflow under the corpus (default ../shared/corpus/workflows) and collects lines of
the form `uses: owner/repo[/path]@<40 hex> # <tag>`. A tag is evidenced when every pin of it names
the same SHA (or one SHA clearly dominates); the table printed is what catalog/SOURCES.md cites.

Usage: tools/lock-evidence.py [CORPUS_DIR] owner/repo@tag...
"""
import collections
import os
import re
import sys

PIN = re.compile(r"uses:\s*['\"]?([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(/[^@\s]*)?@([0-9a-f]{40})['\"]?\s*#\s*(v?[0-9][0-9A-Za-z.+-]*)")


def scan(corpus):
    pins = collections.defaultdict(lambda: collections.defaultdict(set))
    for root, _, files in os.walk(corpus):
        for f in files:
            path = os.path.join(root, f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    m = PIN.search(line)
                    if m:
                        repo, _, sha, tag = m.groups()
                        pins[f"{repo}@{tag}"][sha].add(os.path.relpath(path, corpus))
    return pins


def main(argv):
    corpus = "../shared/corpus/workflows"
    if argv and not "@" in argv[0]:
        corpus, argv = argv[0], argv[1:]
    pins = scan(corpus)
    print("| entry | sha | files pinning it | repositories | other SHAs for the tag |")
    print("|---|---|---:|---:|---|")
    for key in sorted(argv):
        shas = pins.get(key, {})
        if not shas:
            print(f"| {key} | (no evidence) | 0 | 0 | |")
            continue
        best = max(shas, key=lambda s: len(shas[s]))
        repos = {p.split("/")[0] for p in shas[best]}
        others = ", ".join(f"{s[:12]}… ({len(v)})" for s, v in shas.items() if s != best)
        print(f"| {key} | `{best}` | {len(shas[best])} | {len(repos)} | {others} |")


if __name__ == "__main__":
    main(sys.argv[1:])
