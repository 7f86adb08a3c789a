#!/usr/bin/env python3
"""Counts the findings actionlint's own test expectations list (testdata/err and testdata/examples: <case>.yaml with the
expected lines in <case>.out, "test.yaml:LINE:COL: message [rule]") that pipewright also reports on the same line, and
on the same line and column, per actionlint rule. Nothing is asserted; -v lists the misses.

usage: bench/actionlint-testdata.py TESTDATA_DIR [-v] [RULE...]   (default rules: expression matrix events pyflakes)
PIPEWRIGHT names the command to run (default: ./pipewright next to this script's folder); shellcheck is off.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

args = [a for a in sys.argv[1:] if a != '-v']
if not args:
    sys.exit(__doc__)
testdata, rules, verbose = args[0], args[1:] or ['expression', 'matrix', 'events', 'pyflakes'], '-v' in sys.argv
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
command = os.environ.get('PIPEWRIGHT', os.path.join(root, 'pipewright'))
files = sorted(glob.glob(os.path.join(testdata, 'err', '*.yaml')) + glob.glob(os.path.join(testdata, 'examples', '*.yaml')))
env = dict(os.environ, PIPEWRIGHT_SHELLCHECK='off')
out = subprocess.run(command.split() + ['lint', '--format', 'json'] + files, capture_output=True, text=True, env=env).stdout
ours = collections.defaultdict(list)
for f in json.loads(out):
    ours[os.path.realpath(f['file'])].append(f)
# an expected line, or a /regex/ whose position and rule are written literally
EXPECTED = re.compile(r'test\\?\.yaml:(\d+):(\d+): (.*)\[([a-z-]+)\]/?$')
stats = collections.Counter()
for y in files:
    o = y[:-len('.yaml')] + '.out'
    if not os.path.exists(o):
        continue
    for line in open(o, encoding='utf-8'):
        m = EXPECTED.search(line.strip())
        if not m or m[4] not in rules:
            continue
        ln, col, msg, rule = int(m[1]), int(m[2]), m[3], m[4]
        got = [f for f in ours[os.path.realpath(y)] if f['line'] == ln]
        exact = [f for f in got if f['column'] == col]
        stats[rule, 'expected'] += 1
        stats[rule, 'line'] += bool(got)
        stats[rule, 'col'] += bool(exact)
        if verbose and not got:
            print('miss', os.path.basename(y), ln, col, msg[:150])
for r in rules:
    print(f"{r}: expected {stats[r, 'expected']}, same line {stats[r, 'line']}, same line and column {stats[r, 'col']}")
