#!/usr/bin/env python3
"""Measures pipewright lint against the cases of GitHub's own workflow parser (actions/languageservices,
workflow-parser/testdata/reader/*.yml, copied to linter/src/test/resources/workflow-parser-testdata/reader).

Each case is YAML documents separated by a `---` line: options, the workflow, (for reusable-workflow cases: pairs of
a called workflow's reference and its text), and last the parse result GitHub expects as JSON. A case whose result
has no `errors` is valid: GitHub accepts the workflow, and any error-severity finding of ours is a false error. A
case whose errors name a position in the workflow itself (".github/workflows/<case>.yml (Line: N, Col: M): ...") is
an error case: it is hit when we report an error on one of those lines.
The called workflows a case supplies and the default token permissions its options set (permissions-policy) are given
to the linter through its configuration (reusable-workflows, default-token-permissions), one run per such case.
Only the correctness rules count (the first table of docs/rules/README.md, and internal errors): the security audits'
errors flag a risk in a workflow GitHub runs, not a workflow GitHub rejects; they are listed apart. Error cases whose errors carry no position
in the workflow (size and depth limits, errors inside a called workflow) are listed apart.

usage: bench/workflow-parser-testdata.py [TESTDATA_DIR] [--markdown FILE]
--markdown rewrites FILE's figures and tables, below its marker line, and keeps the text above it.
PIPEWRIGHT names the command to run (default: ./pipewright next to this script's folder); shellcheck and pyflakes
are off (GitHub's parser does not run them either).
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
markdown = None
if '--markdown' in args:
    i = args.index('--markdown')
    markdown = args[i + 1]
    del args[i:i + 2]
if args and args[0] in ('-h', '--help'):
    sys.exit(__doc__)
testdata = args[0] if args else os.path.join(root, 'linter/src/test/resources/workflow-parser-testdata/reader')
command = os.environ.get('PIPEWRIGHT', os.path.join(root, 'pipewright'))


def correctness_rules():
    """The rule ids of the first table of docs/rules/README.md (the security audits' tables come after it)."""
    ids = set()
    for line in open(os.path.join(root, 'docs/rules/README.md'), encoding='utf-8'):
        if line.startswith('## '):
            break
        m = re.match(r'\| \[`([a-z-]+)`\]', line)
        if m:
            ids.add(m[1])
    return ids | {'internal-error'}


CORRECTNESS = correctness_rules()
SEPARATOR = re.compile(r'\r?\n---\r?\n')


def expected_lines(name, errors):
    """The lines GitHub reports an error at in the workflow itself (not in a called workflow)."""
    at = re.compile(r'^\.github/workflows/' + re.escape(name) + r' \(Line: (\d+), Col: (\d+)\): (.*)$', re.S)
    out = []
    for e in errors:
        m = at.match(e['Message'])
        if m:
            out.append((int(m[1]), int(m[2]), m[3]))
    return out


POLICIES = {'LimitedRead': 'restricted', 'Write': 'permissive'}


def supplied(name, docs):
    """The called workflows of other repositories a case supplies (reference -> text), as GitHub's own runner of
    these cases reads them: pairs of documents between the workflow and the result, in the reusable-workflow cases."""
    if 'reusable' not in name:
        return {}
    return {docs[i].strip(): docs[i + 1] for i in range(2, len(docs) - 2, 2)}


def default_permissions(options):
    """The repository's default token permissions a case's options set (permissions-policy), as our config names it."""
    m = re.search(r'^permissions-policy: *(\S+)', options, re.M)
    return POLICIES[m[1]] if m else None


cases = []
for path in sorted(glob.glob(os.path.join(testdata, '*.yml'))):
    name = os.path.basename(path)
    docs = SEPARATOR.split(open(path, encoding='utf-8').read())
    expected = json.loads(docs[-1])
    errors = expected.get('errors', []) if isinstance(expected, dict) else []
    cases.append((name, docs[1], errors, supplied(name, docs), default_permissions(docs[0])))


def lint(tmp, files, config=None):
    """pipewright lint --format json over the given workflows (name -> text), in a fresh repository under tmp."""
    workflows = os.path.join(tmp, '.github', 'workflows')
    os.makedirs(workflows)
    for name, text in files.items():
        with open(os.path.join(workflows, name), 'w', encoding='utf-8') as f:
            f.write(text)
    extra = []
    if config:
        with open(os.path.join(tmp, 'lint-config.yml'), 'w', encoding='utf-8') as f:
            f.write(config)
        extra = ['--config', 'lint-config.yml']
    env = dict(os.environ, PIPEWRIGHT_SHELLCHECK='off', PIPEWRIGHT_PYFLAKES='off')
    run = subprocess.run(command.split() + ['lint', '--format', 'json'] + extra + ['.github/workflows'], cwd=tmp,
                         capture_output=True, text=True, env=env)
    try:
        return json.loads(run.stdout)
    except json.JSONDecodeError:
        sys.exit('pipewright lint did not print JSON (exit %d): %s' % (run.returncode, run.stderr[:2000]))


def case_config(tmp, called, policy):
    """A lint configuration naming each supplied called workflow (written under tmp) and the default permissions."""
    lines = []
    if policy:
        lines.append('default-token-permissions: ' + policy)
    if called:
        lines.append('reusable-workflows:')
        for i, (ref, text) in enumerate(sorted(called.items())):
            with open(os.path.join(tmp, 'called-%d.yml' % i), 'w', encoding='utf-8') as f:
                f.write(text)
            lines.append('  %s: called-%d.yml' % (json.dumps(ref), i))
    return '\n'.join(lines) + '\n' if lines else None


# One run for the cases that need no configuration; one per case that supplies called workflows or sets the default
# token permissions, since two cases may give the same reference different texts.
findings = []
with tempfile.TemporaryDirectory() as tmp:
    plain = {name: workflow for name, workflow, _, called, policy in cases if not called and not policy}
    findings += lint(os.path.join(tmp, 'plain'), plain)
    for name, workflow, _, called, policy in cases:
        if called or policy:
            d = os.path.join(tmp, name)
            os.makedirs(d)
            findings += lint(d, {name: workflow}, case_config(d, called, policy))

ours = collections.defaultdict(list)
for f in findings:
    ours[os.path.basename(f['file'])].append(f)

false_errors, audit_errors, hits, misses, unpositioned = [], [], [], [], []
valid = with_line = all_lines = 0
for name, _, errors, _, _ in cases:
    errs = [f for f in ours[name] if f['severity'] == 'error' and f['rule'] in CORRECTNESS]
    if not errors:
        valid += 1
        if errs:
            false_errors.append((name, errs))
        audits = [f for f in ours[name] if f['severity'] == 'error' and f['rule'] not in CORRECTNESS]
        if audits:
            audit_errors.append((name, audits))
        continue
    lines = expected_lines(name, errors)
    if not lines:
        unpositioned.append((name, errors, errs))
        continue
    with_line += 1
    got = {f['line'] for f in errs}
    if any(ln in got for ln, _, _ in lines):
        hits.append(name)
        all_lines += all(ln in got for ln, _, _ in lines)
    else:
        misses.append((name, lines, errs))


def cell(s):
    return s.replace('|', '\\|').replace('\n', ' ')


def finding(f):
    return '%d:%d %s [%s]' % (f['line'], f['column'], f['message'][:110], f['rule'])


summary = [
    'valid cases with an error: %d/%d' % (len(false_errors), valid),
    'valid cases with a security audit error: %d/%d' % (len(audit_errors), valid),
    'error cases hit at the right line: %d/%d (every expected line: %d)' % (len(hits), with_line, all_lines),
    'error cases without a position in the workflow: %d (we report an error in %d)'
    % (len(unpositioned), sum(1 for u in unpositioned if u[2])),
]
print('\n'.join(summary))
for name, errs in false_errors:
    print('false error', name, '; '.join(finding(f) for f in errs))
for name, lines, errs in misses:
    print('miss', name, 'expected', ', '.join('%d:%d %s' % (ln, c, m[:80]) for ln, c, m in lines),
          '| ours:', '; '.join(finding(f) for f in errs) or '-')

if markdown:
    # the figures and tables go after the marker line; the prose above it is kept
    MARKER = '<!-- generated by bench/workflow-parser-testdata.py --markdown: everything below -->\n'
    prose = ''
    if os.path.exists(markdown):
        text = open(markdown, encoding='utf-8').read()
        prose = text[:text.index(MARKER)] if MARKER in text else text
    with open(markdown, 'w', encoding='utf-8') as out:
        out.write(prose + MARKER + '\n')
        out.write('\n'.join('- ' + s for s in summary) + '\n\n')
        out.write('### Valid cases with an error\n\n| case | our errors |\n|---|---|\n')
        for name, errs in false_errors:
            out.write('| `%s` | %s |\n' % (name, cell('; '.join(finding(f) for f in errs))))
        out.write('\n### Valid cases with a security audit error\n\n| case | our errors |\n|---|---|\n')
        for name, errs in audit_errors:
            out.write('| `%s` | %s |\n' % (name, cell('; '.join(finding(f) for f in errs))))
        out.write('\n### Error cases not hit at the right line\n\n| case | GitHub | our errors |\n|---|---|---|\n')
        for name, lines, errs in misses:
            out.write('| `%s` | %s | %s |\n' % (name, cell('; '.join('%d:%d %s' % (ln, c, m[:110]) for ln, c, m in lines)),
                                                cell('; '.join(finding(f) for f in errs)) or '-'))
        out.write('\n### Error cases without a position in the workflow\n\n| case | GitHub | our errors |\n|---|---|---|\n')
        for name, errors, errs in unpositioned:
            out.write('| `%s` | %s | %s |\n' % (name, cell('; '.join(e['Message'][:140] for e in errors)),
                                                cell('; '.join(finding(f) for f in errs)) or '-'))
