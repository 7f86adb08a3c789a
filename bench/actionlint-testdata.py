#!/usr/bin/env python3
"""Counts the findings actionlint's own test expectations list (testdata/err and testdata/examples: <case>.yaml with the
expected lines in <case>.out, "test.yaml:LINE:COL: message [rule]") that pipewright also reports on the same line, and
on the same line and column, per actionlint rule. Nothing is asserted; -v lists the misses.

usage: bench/actionlint-testdata.py TESTDATA_DIR [-v] [RULE...]   (default rules: expression matrix events pyflakes)
       bench/actionlint-testdata.py TESTDATA_DIR --all [-v]
Without --all a finding of any rule on the expected line counts. With --all every expected finding of every rule
counts, except those of rules whose tool is not installed (shellcheck, pyflakes: their findings come from the external
program, not from pipewright), and only a finding of the same rule (pipewright uses actionlint's rule ids) counts;
a total line is printed, and beside it the count when a finding of the rule pipewright files it under counts too
(untrusted inputs under the template-injection audit).
PIPEWRIGHT names the command to run (default: ./pipewright next to this script's folder); shellcheck is off unless
--all finds it on PATH.
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys

flags = {'-v', '--all'}
args = [a for a in sys.argv[1:] if a not in flags]
if not args:
    sys.exit(__doc__)
every, verbose = '--all' in sys.argv, '-v' in sys.argv
testdata, rules = args[0], args[1:] or ['expression', 'matrix', 'events', 'pyflakes']
# rules whose findings come from an external program: counted only when the program is installed
EXTERNAL = {'shellcheck': 'shellcheck', 'pyflakes': 'pyflakes'}
excluded = {r for r, tool in EXTERNAL.items() if every and not shutil.which(tool)}
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
command = os.environ.get('PIPEWRIGHT', os.path.join(root, 'pipewright'))
files = sorted(glob.glob(os.path.join(testdata, 'err', '*.yaml')) + glob.glob(os.path.join(testdata, 'examples', '*.yaml')))
env = dict(os.environ)
if not (every and shutil.which('shellcheck')):
    env['PIPEWRIGHT_SHELLCHECK'] = 'off'
out = subprocess.run(command.split() + ['lint', '--format', 'json'] + files, capture_output=True, text=True, env=env).stdout
ours = collections.defaultdict(list)
for f in json.loads(out):
    ours[os.path.realpath(f['file'])].append(f)
# an expected line, or a /regex/ whose position and rule are written literally (the brackets escaped or not)
EXPECTED = re.compile(r'test\\?\.yaml:(\d+):(\d+): (.*?)(?:\\?\[([a-z-]+)\\?\])?/?$')


def rule_of(m):
    """The rule of an expected line; three /regex/ lines of actionlint's name none, their message tells."""
    if m[4]:
        return m[4]
    return 'runner-label' if m[3].startswith('label ') else 'expression'


# Where pipewright reports what actionlint files under another id: untrusted inputs in scripts under the
# template-injection audit (zizmor's name; the audit covers more sinks and sources than actionlint's check).


def owners(rule, message):
    """Our rule ids that may report what actionlint expects under `rule`, for the mapped count."""
    if rule == 'expression' and 'potentially untrusted' in message:
        return {rule, 'template-injection'}
    return {rule}


stats = collections.Counter()
seen = []
for y in files:
    o = y[:-len('.yaml')] + '.out'
    if not os.path.exists(o):
        continue
    for line in open(o, encoding='utf-8'):
        m = EXPECTED.search(line.strip())
        if not m:
            continue
        ln, col, msg, rule = int(m[1]), int(m[2]), m[3], rule_of(m)
        if (every and rule in excluded) or (not every and rule not in rules):
            stats[rule, 'excluded'] += 1
            continue
        if rule not in seen:
            seen.append(rule)
        on_line = [f for f in ours[os.path.realpath(y)] if f['line'] == ln]
        got = [f for f in on_line if not every or f['rule'] == rule]
        exact = [f for f in got if f['column'] == col]
        mapped = [f for f in on_line if f['rule'] in owners(rule, msg)]
        for key in (rule, 'total'):
            stats[key, 'expected'] += 1
            stats[key, 'line'] += bool(got)
            stats[key, 'col'] += bool(exact)
            stats[key, 'mapped line'] += bool(mapped)
            stats[key, 'mapped col'] += any(f['column'] == col for f in mapped)
        if verbose and not exact:
            print('miss' if not got else 'column', rule, os.path.basename(y), ln, col,
                  *(f"(ours {f['column']})" for f in got[:1]), msg[:150])
order = sorted(seen, key=lambda r: -stats[r, 'expected']) if every else [r for r in rules if r in seen]
for r in order + (['total'] if every else []):
    mapped = f"; mapped ids: same line {stats[r, 'mapped line']}, and column {stats[r, 'mapped col']}" if every else ''
    print(f"{r}: expected {stats[r, 'expected']}, same line {stats[r, 'line']}, same line and column {stats[r, 'col']}{mapped}")
for r in sorted(excluded):
    print(f"{r}: {stats[r, 'excluded']} expected, not counted ({EXTERNAL[r]} is not installed)")
