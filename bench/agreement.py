#!/usr/bin/env python3
"""Summarises pipewright's and actionlint's findings on the same corpus into bench/agreement.md (stdout).

Usage: agreement.py PIPEWRIGHT.json ACTIONLINT.txt CORPUS_WORKFLOWS_DIR PIPEWRIGHT_VERSION ACTIONLINT_VERSION
Findings are matched by file and line (and, where both sides have a rule of that name, by rule).
"""
import collections
import datetime
import json
import os
import re
import sys

pw_path, al_path, corpus, pw_version, al_version = sys.argv[1:6]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rel(f):
    f = f.replace("\\", "/")
    i = f.find("workflows/")
    return f[i + len("workflows/"):] if i >= 0 else f


ours = [dict(file=rel(f["file"]), line=f["line"], col=f["column"], rule=f["rule"], severity=f["severity"],
             message=f["message"]) for f in json.load(open(pw_path))]
LINE = re.compile(r"^(.*?):(\d+):(\d+): (.*) \[([\w-]+)\]$")
theirs = []
for line in open(al_path, encoding="utf-8"):
    m = LINE.match(line.rstrip("\n"))
    if m:
        theirs.append(dict(file=rel(m.group(1)), line=int(m.group(2)), col=int(m.group(3)), message=m.group(4),
                           rule=m.group(5)))

# Our rule categories, from the docs index (audits are listed under "Security audits").
readme = open(os.path.join(ROOT, "docs/rules/README.md"), encoding="utf-8").read()
audit_part = readme.split("## Security audits", 1)[1] if "## Security audits" in readme else ""
AUDITS = set(re.findall(r"\[`([\w-]+)`\]", audit_part))

# Current GitHub-hosted labels and permission scopes, from our generated tables.
labels_src = open(os.path.join(ROOT, "linter/src/main/java/dev/pipewright/lint/data/RunnerLabels.java")).read()
CURRENT_LABELS = set(re.findall(r'"([^"]+)"', labels_src.split("CURRENT =", 1)[1].split(";", 1)[0]))
scopes_src = open(os.path.join(ROOT, "github/src/main/java/dev/pipewright/github/PermissionScopes.java")).read()
SCOPES = set(re.findall(r'Map\.entry\("([\w-]+)"', scopes_src))

files = sorted({os.path.relpath(os.path.join(dp, f), corpus) for dp, _, fs in os.walk(corpus) for f in fs
                if f.endswith((".yml", ".yaml"))})

at_ours = collections.defaultdict(set)
for f in ours:
    at_ours[(f["file"], f["line"])].add(f["rule"])
at_theirs = collections.defaultdict(set)
for f in theirs:
    at_theirs[(f["file"], f["line"])].add(f["rule"])

out = []
w = out.append
w("# Agreement with actionlint on the shared corpus")
w("")
w(f"Generated {datetime.date.today().isoformat()} by `bench/agreement.sh` (summariser `bench/agreement.py`); not asserted by any "
  "test. Re-run it after changing a rule or a data table.")
w("")
w(f"- pipewright: {pw_version}, `pipewright lint --format json workflows` with `PIPEWRIGHT_SHELLCHECK=off` "
  "(the wasm actionlint runs no shellcheck)")
w(f"- actionlint: {al_version}, `node ../shared/oracles/actionlint.mjs --engine=1.7.7 workflows` (playground "
  "entry point: one file at a time, no config, no shellcheck/pyflakes, local actions and reusable workflows not read)")
w(f"- corpus: `../shared/corpus/workflows`, {len(files)} workflow files from public repositories")
w("")

# Per rule.
w("## Findings per rule")
w("")
w("`same line` counts findings of that rule whose file and line also carry a finding of the same rule on the other "
  "side. Security audits (category `security`, after zizmor) have no actionlint counterpart.")
w("")
w("| rule | kind | pipewright | actionlint | same line |")
w("|---|---|---:|---:|---:|")
rules = sorted({f["rule"] for f in ours} | {f["rule"] for f in theirs},
               key=lambda r: (r in AUDITS, r))
for r in rules:
    n_ours = sum(1 for f in ours if f["rule"] == r)
    n_theirs = sum(1 for f in theirs if f["rule"] == r)
    same = sum(1 for f in ours if f["rule"] == r and r in at_theirs.get((f["file"], f["line"]), set()))
    kind = "audit" if r in AUDITS else "lint"
    w(f"| `{r}` | {kind} | {n_ours} | {n_theirs} | {same if n_ours and n_theirs else '—'} |")
w(f"| **all** | | {len(ours)} | {len(theirs)} | |")
w("")

# Files.
lint_ours = [f for f in ours if f["rule"] not in AUDITS]
f_ours = {f["file"] for f in lint_ours}
f_theirs = {f["file"] for f in theirs}
w("## Files flagged")
w("")
w("Lint rules only on our side (audits left out, actionlint has none).")
w("")
w("| | files |")
w("|---|---:|")
w(f"| flagged by both | {len(f_ours & f_theirs)} |")
w(f"| only by pipewright | {len(f_ours - f_theirs)} |")
w(f"| only by actionlint | {len(f_theirs - f_ours)} |")
w(f"| by neither | {len(set(files) - f_ours - f_theirs)} |")
w("")


def kinds(fs, name):
    c = collections.Counter(f["rule"] for f in fs if f["file"] == name)
    return ", ".join(f"{k} {n}" for k, n in sorted(c.items()))


w("<details><summary>Files flagged by pipewright only</summary>")
w("")
for name in sorted(f_ours - f_theirs):
    w(f"- `{name}`: {kinds(lint_ours, name)}")
w("")
w("</details>")
w("")
w("<details><summary>Files flagged by actionlint only</summary>")
w("")
for name in sorted(f_theirs - f_ours):
    w(f"- `{name}`: {kinds(theirs, name)}")
w("")
w("</details>")
w("")

# Reasons: every actionlint finding without one of ours at the same file and line.
alias_files = {f["file"] for f in theirs if "alias node" in f["message"]}


def reason(f):
    m = f["message"]
    if at_ours.get((f["file"], f["line"]), set()) - AUDITS:
        return "other-rule"
    if f["rule"] == "runner-label":
        label = re.search(r'label "([^"]+)"', m)
        if label and label.group(1) in CURRENT_LABELS:
            return "stale-labels"
        return "custom-labels"
    if f["rule"] == "permissions" and "unknown permission scope" in m:
        scope = re.search(r'scope "([^"]+)"', m)
        return "stale-scopes" if scope and scope.group(1) in SCOPES else "other"
    if '"$/' in m:
        return "self-repo"
    if "alias node" in m or (f["file"] in alias_files and f["rule"] == "syntax-check"):
        return "anchors"
    if f["rule"] == "syntax-check" and ("unexpected key" in m or "step must run script" in m):
        return "new-keys"
    if f["rule"] == "action" and "too old to run" in m:
        return "old-runtime"
    if f["rule"] == "expression" and "is not defined in object type" in m:
        return "matrix-types"
    if f["rule"] == "expression" and "[*]" in "".join(
            open(os.path.join(corpus, f["file"]), encoding="utf-8").read().splitlines()[f["line"] - 1:f["line"] + 1]):
        return "filter-after-call"
    if f["rule"] == "events" and "also required" in m:
        return "lacking"
    if f["rule"] == "deprecated-commands":
        return "position"
    return "other"


REASONS = {
    "stale-labels": ("Current GitHub-hosted runner labels missing from actionlint 1.7.7's table",
                     "GitHub added these images after actionlint's data was cut (our table is `runner-labels.txt`, "
                     "regenerated by the codegen module). False positives on actionlint's side."),
    "custom-labels": ("Self-hosted and third-party runner labels",
                      "actionlint wants every non-GitHub label listed in `actionlint.yaml`; the playground build "
                      "has no config. We treat labels not shaped like GitHub's image names as self-hosted or larger "
                      "runners (their owners choose the names) and only flag look-alikes of hosted labels."),
    "stale-scopes": ("Permission scopes newer than actionlint 1.7.7",
                     "Scopes GitHub's schema accepts today (`PermissionScopes`, generated) that actionlint rejects."),
    "self-repo": ("`uses: $/…` self-repository syntax",
                  "The July 2026 syntax for an action or reusable workflow of the calling repository; actionlint "
                  "1.7.7 predates it and reports a malformed `uses:`."),
    "anchors": ("YAML anchors and aliases",
                "GitHub's parser accepts anchors and aliases; actionlint 1.7.7 reports any alias node (and then "
                "misses the sections it stands for). We read the expanded tree."),
    "new-keys": ("Keys newer than actionlint's schema",
                 "Keys our schema (from `@actions/workflow-parser`) accepts, e.g. `environment.deployment`, "
                 "`concurrency.queue`, the `parallel:` step group; actionlint 1.7.7 does not know them (a "
                 "`parallel:` step also reads to it as a step with neither `run` nor `uses`)."),
    "old-runtime": ("Remote actions on retired Node runtimes",
                    "actionlint's `action` rule knows popular actions' releases whose `node12`/`node16` runtime "
                    "GitHub retired. Our `action` rule reports the same list (`outdated-action-runtimes.txt`, from "
                    "actionlint's), so a finding here is a release actionlint lists and our table lacks."),
    "matrix-types": ("Properties of matrix rows that only some rows have",
                     "When the rows of a matrix value are objects with different keys, actionlint types the value "
                     "with the keys every row has and flags the others; GitHub evaluates a missing property to null "
                     "(often on purpose, `matrix.platform.toolchain || null`). We flag a property no row has."),
    "filter-after-call": ("Object filter after a function call",
                          "`fromJSON(…)[*].type`: GitHub's expression grammar allows `[*]` after any value; "
                          "actionlint 1.7.7's parser only after a property access."),
    "lacking": ("Checks we lack",
                "actionlint warns when a `workflow_call` input is both required and has a default; we have no "
                "such check yet."),
    "position": ("Same finding, other position",
                 "actionlint reports a deprecated workflow command at the `run:` key; we point at the command "
                 "inside the script (two lines further down here)."),
    "other-rule": ("Same place, another rule id",
                   "We report the same problem on the same line under another rule (e.g. an unknown key under "
                   "`on.workflow_dispatch` is `events` for us, `syntax-check` for actionlint)."),
    "other": ("Other", "Listed one by one."),
}

# Matched: one of ours of the same rule at the same file and line.
unmatched = [f for f in theirs if f["rule"] not in at_ours.get((f["file"], f["line"]), set())]
groups = collections.defaultdict(list)
for f in unmatched:
    groups[reason(f)].append(f)
w("## Why actionlint reports what we do not")
w("")
w(f"{len(unmatched)} of actionlint's {len(theirs)} findings have no pipewright finding of the same rule at the same "
  "file and line.")
w("")
w("| reason | findings | files |")
w("|---|---:|---:|")
for key, (title, _) in REASONS.items():
    if groups.get(key):
        w(f"| {title} | {len(groups[key])} | {len({f['file'] for f in groups[key]})} |")
w("")
for key, (title, text) in REASONS.items():
    fs = groups.get(key)
    if not fs:
        continue
    w(f"### {title}")
    w("")
    w(text)
    w("")
    if key in ("stale-labels", "custom-labels"):
        c = collections.Counter(re.search(r'label "([^"]+)"', f["message"]).group(1) for f in fs)
        w("Labels: " + ", ".join(f"`{k}` {n}" for k, n in c.most_common(25)) + (" …" if len(c) > 25 else ""))
        w("")
    elif key == "stale-scopes":
        c = collections.Counter(re.search(r'scope "([^"]+)"', f["message"]).group(1) for f in fs)
        w("Scopes: " + ", ".join(f"`{k}` {n}" for k, n in c.most_common()))
        w("")
    limit = None if key == "other" else 3
    for f in fs[:limit]:
        w(f"- `{f['file']}:{f['line']}:{f['col']}` {f['message'][:200]} [{f['rule']}]")
    w("")

# Our lint findings without an actionlint finding at the same place.
ours_only = [f for f in lint_ours if f["rule"] not in at_theirs.get((f["file"], f["line"]), set())]
w("## What we report and actionlint does not (lint rules)")
w("")
w(f"{len(ours_only)} of our {len(lint_ours)} lint-rule findings (audits aside) have no actionlint finding of the "
  "same rule at the same file and line.")
w("")
by_rule = collections.defaultdict(list)
for f in ours_only:
    by_rule[f["rule"]].append(f)
for r, fs in sorted(by_rule.items()):
    shapes = collections.Counter(re.sub(r'"[^"]*"', '"…"', f["message"])[:140] for f in fs)
    w(f"### `{r}` ({len(fs)})")
    w("")
    for shape, n in shapes.most_common(6):
        w(f"- {n} × {shape}")
    ex = fs[0]
    w(f"- e.g. `{ex['file']}:{ex['line']}:{ex['col']}`")
    w("")
w("Security audits (actionlint has none): " + ", ".join(
    f"`{r}` {n}" for r, n in sorted(collections.Counter(f["rule"] for f in ours if f["rule"] in AUDITS).items())) + ".")
w("")
print("\n".join(out))
