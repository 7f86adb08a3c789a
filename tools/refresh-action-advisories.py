#!/usr/bin/env python3
"""Refreshes linter/src/main/resources/dev/pipewright/lint/audit/action-advisories.tsv, the known-vulnerable-actions
audit's snapshot of GitHub's advisory database (github/advisory-database, CC-BY-4.0): every GitHub-reviewed advisory
with an affected package of ecosystem "GitHub Actions", one line per affected version range.

Needs network unless given a local copy; the build never runs it: the audit reads the committed snapshot, offline.

Usage:
  tools/refresh-action-advisories.py                  # downloads the main branch's tarball from codeload.github.com
  tools/refresh-action-advisories.py --ref COMMIT     # the tarball of that commit
  tools/refresh-action-advisories.py --db DIR         # a local clone (or unpacked tarball) of github/advisory-database
  tools/refresh-action-advisories.py --db DIR --source 'TEXT'   # TEXT (lines) replaces the header's provenance

Each line is tab-separated: GHSA id, package (owner/repo or owner/repo/path, as the advisory spells it), severity
(low, moderate, high, critical), the vulnerable range (GitHub's syntax: ">= 4.0.0, < 4.1.7"; "= 1" for a version the
advisory lists one by one), the first fixed version ("-" for none), when the advisory was last modified, its summary.
The range comes from the OSV events: "introduced" (0: no lower bound) up to "fixed" (exclusive) or "last_affected"
(inclusive); a range with neither takes the advisory's database_specific.last_known_affected_version_range. Withdrawn
advisories are left out, and so is a range whose versions the linter cannot read (named on stderr). Lines sort by
package, then id, so a refresh diffs line by line.
"""
import argparse
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "linter/src/main/resources/dev/pipewright/lint/audit/action-advisories.tsv")
ECOSYSTEM = "GitHub Actions"
# the versions the linter reads (ActionVersion): up to three numbers, a pre-release after the third
VERSION = re.compile(r"v?\d{1,9}(\.\d{1,9}(\.\d{1,9}(-[0-9A-Za-z.-]+)?)?)?(\+[0-9A-Za-z.-]+)?")
CONSTRAINT = re.compile(r"(>=|<=|>|<|=) ?(\S+)")


def readable(vulnerable):
    """True when every constraint of the range has a version the linter reads."""
    for part in vulnerable.split(","):
        m = CONSTRAINT.fullmatch(part.strip())
        if not m or not VERSION.fullmatch(m.group(2)):
            return False
    return True


def ranges_of(affected):
    """(range, fixed) pairs of one affected entry, in the advisory's order."""
    out = []
    for version in affected.get("versions") or []:
        out.append(("= " + version, "-"))
    hint = (affected.get("database_specific") or {}).get("last_known_affected_version_range")
    for r in affected.get("ranges") or []:
        if r.get("type") != "ECOSYSTEM":
            continue
        lower, upper, fixed = None, None, "-"
        for event in r.get("events") or []:
            if "introduced" in event:
                lower = None if event["introduced"] == "0" else ">= " + event["introduced"]
            elif "fixed" in event:
                upper, fixed = "< " + event["fixed"], event["fixed"]
            elif "last_affected" in event:
                upper = "<= " + event["last_affected"]
        if upper is None and hint:
            upper = hint.strip()
        parts = [p for p in (lower, upper) if p]
        out.append((", ".join(parts) if parts else ">= 0", fixed))
    return out


def clean(text):
    return " ".join((text or "").split())


def records(advisories):
    """Tab-separated lines of every GitHub Actions range of the advisories."""
    lines = set()
    for adv in advisories:
        if adv.get("withdrawn"):
            continue
        severity = clean((adv.get("database_specific") or {}).get("severity", "")).lower() or "unknown"
        for affected in adv.get("affected") or []:
            package = affected.get("package") or {}
            if package.get("ecosystem") != ECOSYSTEM:
                continue
            for vulnerable, fixed in ranges_of(affected):
                if not readable(vulnerable) or fixed != "-" and not VERSION.fullmatch(fixed):
                    print("skipped %s %s: unreadable range %r (fixed %r)" % (adv["id"], package["name"], vulnerable, fixed),
                          file=sys.stderr)
                    continue
                lines.add((package["name"].lower(), adv["id"], vulnerable, "\t".join(
                    [adv["id"], package["name"], severity, vulnerable, fixed, adv.get("modified", "-"),
                     clean(adv.get("summary"))])))
    return [line for *_, line in sorted(lines)]


def from_dir(db):
    base = os.path.join(db, "advisories", "github-reviewed")
    for dirpath, _, files in os.walk(base):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                if '"GitHub Actions"' in text:  # the ecosystem is rare: skip parsing the other ~25,000 files
                    yield json.loads(text)


def from_tarball(ref):
    url = "https://codeload.github.com/github/advisory-database/tar.gz/" + ref
    with urllib.request.urlopen(url) as response:
        data = response.read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar:
            if member.isfile() and "/advisories/github-reviewed/" in member.name and member.name.endswith(".json"):
                text = tar.extractfile(member).read().decode("utf-8")
                if '"GitHub Actions"' in text:
                    yield json.loads(text)


def git_commit(db):
    try:
        return subprocess.run(["git", "-C", db, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a local copy of github/advisory-database")
    parser.add_argument("--ref", default="main", help="the commit or branch to download (without --db)")
    parser.add_argument("--source", help="the provenance line of the header, instead of the computed one")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    if args.db:
        lines = records(from_dir(args.db))
        commit = git_commit(args.db) or "an unversioned copy"
    else:
        lines = records(from_tarball(args.ref))
        commit = args.ref
    source = args.source or ("Source: github/advisory-database advisories/github-reviewed at " + commit
                             + " (CC-BY-4.0), read " + today + ".")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Known-vulnerable GitHub Actions: GitHub-reviewed advisories of ecosystem \"GitHub Actions\", one line per\n")
        out.write("# affected version range.\n")
        for line in source.splitlines():
            out.write("# " + line + "\n")
        out.write("# Licence: CC-BY-4.0, (c) GitHub, Inc. and the advisories' credited reporters; https://github.com/advisories\n")
        out.write("# Refresh with tools/refresh-action-advisories.py; do not edit by hand.\n")
        out.write("# id\tpackage\tseverity\tvulnerable range\tfirst fixed\tmodified\tsummary\n")
        for line in lines:
            out.write(line + "\n")
    print("wrote %s (%d ranges)" % (args.out, len(lines)), file=sys.stderr)


if __name__ == "__main__":
    main()
