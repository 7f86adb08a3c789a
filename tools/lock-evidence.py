#!/usr/bin/env python3
"""Prints, for each owner/repo@tag, the commit SHAs that real workflows pin it to.

Reads every workflow under the corpus (default ../shared/corpus/workflows) and collects lines of
the form `uses: owner/repo[/path]@<40 hex> # <tag>`. A tag is evidenced when every pin of it names
the same SHA (or one SHA clearly dominates); the table printed is what catalog/SOURCES.md cites.

Usage: tools/lock-evidence.py [CORPUS_DIR] owner/repo@tag...
       tools/lock-evidence.py --majors [CORPUS_DIR] owner/repo...

With --majors, prints lock lines: for each repository and each major version the corpus pins, the
highest vN.x.y tag whose evidence is clear (one SHA, or one pinned at least three times as often as
all others together), skipping a SHA that more files pin under another major's tag (a mislabelled
comment). These are the releases `uses: owner/repo@vN` is pinned to by `pipewright lint --fix`.
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


SEMVER = re.compile(r"v(\d+)\.(\d+)\.(\d+)")


def clear(shas):
    """The SHA the evidence names, or None when pins of the tag disagree."""
    counts = {s: len(f) for s, f in shas.items()}
    best = max(counts, key=counts.get)
    others = sum(counts.values()) - counts[best]
    return best if others == 0 or counts[best] >= 3 * others else None


def majors(corpus, repos):
    pins = scan(corpus)
    lines = []
    for repo in sorted(repos, key=str.lower):
        tags = {}
        for key, shas in pins.items():
            r, tag = key.rsplit("@", 1)
            m = SEMVER.fullmatch(tag)
            if r.lower() == repo.lower() and m:
                tags[tag] = (tuple(int(g) for g in m.groups()), shas)
        # a SHA pinned under tags of several majors belongs to the major most files name
        owner = {}
        for tag, (v, shas) in tags.items():
            for sha, files in shas.items():
                if sha not in owner or len(files) > owner[sha][1]:
                    owner[sha] = (v[0], len(files))
        chosen = {}
        for tag, (v, shas) in sorted(tags.items(), key=lambda t: t[1][0], reverse=True):
            if v[0] in chosen:
                continue
            sha = clear(shas)
            if sha and owner[sha][0] == v[0]:
                chosen[v[0]] = (tag, sha, len(shas[sha]))
        for major in sorted(chosen):
            tag, sha, n = chosen[major]
            lines.append(f"{repo}@{tag}: {sha}  # {n} file(s)")
    print("\n".join(lines))


def main(argv):
    if argv and argv[0] == "--majors":
        argv = argv[1:]
        corpus = "../shared/corpus/workflows"
        if argv and os.path.isdir(argv[0]):
            corpus, argv = argv[0], argv[1:]
        majors(corpus, argv)
        return
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
