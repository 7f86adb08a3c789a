#!/usr/bin/env python3
"""Counts the findings zizmor's own audit tests expect (the inline insta snapshots of
crates/zizmor/tests/integration/audit/*.rs: `zizmor().input(input_under_test("x/y.yml"))[.args([...])].run()?,
@"...error[<audit>]: <title>\n --> @@INPUT@@:LINE:COL..."`) that pipewright's audits also report, per audit.

An expected finding is found when pipewright reports the same audit id in the same step (the `- ` item of a job's or
a composite action's `steps:` holding the expected line), or on the same line when the expected line is in no step
(job or workflow level). Also printed, for information: found on the same line, and false findings (our findings of
an audit the snapshot does not list for that file; each snapshot lists every finding zizmor makes on its input).
zizmor's `--persona=pedantic|auditor` (`--pedantic`) becomes pipewright's `--persona`; the forbidden-uses and
secrets-outside-env parts of a zizmor config become pipewright's `audits:` configuration. Tests pipewright cannot
reproduce are skipped with the reason: online-only runs, `--fix` output, invalid configurations (zizmor exits with an
error), config settings with no pipewright equivalent.

usage: bench/zizmor-testdata.py [-v] [--markdown FILE] [AUDIT...]   measure (the default: every audit)
       bench/zizmor-testdata.py --extract ZIZMOR_GIT_DIR            regenerate the test resources
-v lists the misses (and the false findings with -vv). --markdown rewrites FILE's table of the current figures
below its marker line `<!-- measured -->`, keeping the text above it.
--extract reads zizmor's HEAD commit in the (bare) git directory, rewrites the expectations file
linter/src/test/resources/zizmor-testdata/expectations.tsv (one row per expected finding, or one row with audit `-`
for a run with no finding; columns: test, input, options, status, audit, level, line, column) and copies the input
files the runnable tests need to linter/src/test/resources/zizmor-testdata/test-data/.
PIPEWRIGHT names the command to run (default: ./pipewright next to this script's folder); shellcheck is off.
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
resources = os.path.join(root, 'linter/src/test/resources/zizmor-testdata')
expectations = os.path.join(resources, 'expectations.tsv')
TESTS = 'crates/zizmor/tests/integration/audit/'
TEST_DATA = 'crates/zizmor/tests/integration/test-data/'
MARKER = '<!-- measured -->'


# --- extraction from zizmor's repository ---

def git(gitdir, *args):
    return subprocess.run(['git', '--git-dir', gitdir, *args], capture_output=True, text=True, check=True).stdout


SNAPSHOT = re.compile(r'insta::assert_snapshot!\(\s*(.*?)\.run\(\)\?,\s*@(r#*)?"', re.S)
FINDING = re.compile(r'^\s*(error|warning|help|info|note)\[([a-z0-9-]+)\]:')
WHERE = re.compile(r'^\s*--> @@INPUT@@([^:\s]*):(\d+):(\d+)')


def literal(text, start, raw):
    """The string literal's text from `start` (just past its opening quote) and where it ends."""
    if raw is not None:
        end = text.index('"' + raw[1:], start)
        return text[start:end], end
    i = start
    while text[i] != '"':
        i += 2 if text[i] == '\\' else 1
    return text[start:i].replace('\\"', '"').replace('\\\\', '\\'), i


def policy(gitdir, path):
    """The pipewright options a zizmor config amounts to, or ('skip', reason)."""
    text = git(gitdir, 'show', 'HEAD:' + TEST_DATA + path)
    rules = (yaml.safe_load(text) or {}).get('rules') or {}
    opts = []
    for audit, body in rules.items():
        config = (body or {}).get('config') or {}
        if audit == 'forbidden-uses' and set(config) in ({'allow'}, {'deny'}):
            kind = next(iter(config))
            opts.append(f"forbidden-uses.{kind}={','.join(config[kind])}")
        elif audit == 'secrets-outside-env' and set(config) == {'allow'}:
            opts.append(f"secrets-outside-env.allow={','.join(config['allow'])}")
        elif audit == 'unpinned-uses' and config.get('policies') in ({}, {'*': 'hash-pin'}):
            continue  # pin everything: pipewright's default (no allow-owners)
        elif audit == 'unpinned-uses' and config.get('policies') == {'*': 'ref-pin'}:
            # "every ref is fine", set beside forbidden-uses to quiet unrelated findings: it changes no expected finding
            continue
        else:
            return 'skip', f'zizmor config {audit}: {json.dumps(config, sort_keys=True)} has no pipewright equivalent'
    return 'run', ';'.join(opts)


def extract(gitdir):
    rows = []
    inputs = set()
    for rs in sorted(git(gitdir, 'ls-tree', '--name-only', 'HEAD', TESTS).split()):
        if not rs.endswith('.rs') or rs.endswith('/mod.rs'):
            continue
        text = git(gitdir, 'show', 'HEAD:' + rs)
        fns = [(m.start(), m[1]) for m in re.finditer(r'\bfn (\w+)\(', text)]
        for n, m in enumerate(SNAPSHOT.finditer(text), 1):
            chain, (snap, _) = m[1], literal(text, m.end(), m[2])
            fn = [name for at, name in fns if at < m.start()][-1]
            test = f'{os.path.basename(rs)[:-3]}::{fn}'
            config = re.search(r'\.config\(\s*input_under_test\(\s*"([^"]+)"\s*\)\s*\)', chain)
            chain_inputs = re.findall(r'\.input\(\s*input_under_test\(\s*"([^"]+)"', chain)
            if len(chain_inputs) != 1:
                continue  # a workspace built inline (the --fix tests): no input under test-data
            args = re.findall(r'"([^"]*)"', ''.join(re.findall(r'\.args\(\s*\[(.*?)\]\s*\)', chain, re.S)))
            persona = 'regular'
            status, opts = 'run', ''
            for a in args:
                if a in ('--pedantic', '--persona=pedantic'):
                    persona = 'pedantic'
                elif a == '--persona=auditor':
                    persona = 'auditor'
                elif a.startswith('--fix'):
                    status = 'skip: --fix output (a diff, not findings)'
                else:
                    status = f'skip: zizmor option {a}'
            if 'NetworkMode::AssertOnline' in chain:
                status = 'skip: online only (GitHub API)'
            elif 'expects_failure' in chain:
                status = 'skip: zizmor exits with an error (invalid input or configuration)'
            elif config and status == 'run':
                status, opts = policy(gitdir, config[1])
                status = status if status == 'run' else 'skip: ' + opts
                opts = opts if status == 'run' else ''
            options = ';'.join(['persona=' + persona] + ([opts] if opts else []))
            base = chain_inputs[0].rstrip('/')
            found = []
            lines = snap.splitlines()
            for i, line in enumerate(lines):
                f = FINDING.match(line)
                if not f:
                    continue
                for nxt in lines[i + 1:i + 3]:
                    w = WHERE.match(nxt)
                    if w:
                        found.append((base + w[1], f[2], f[1], w[2], w[3]))
                        break
            if status == 'run':
                inputs.add(base)
            if not found:
                found = [(base, '-', '-', '-', '-')]
            for inp, audit, level, line, col in found:
                rows.append((test, inp, options, status, audit, level, line, col))
    data = os.path.join(resources, 'test-data')
    shutil.rmtree(data, ignore_errors=True)
    tree = git(gitdir, 'ls-tree', '-r', '--name-only', 'HEAD', TEST_DATA).split()
    for path in tree:
        rel = path[len(TEST_DATA):]
        if any(rel == i or rel.startswith(i + '/') for i in inputs):
            dest = os.path.join(data, rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, 'w', encoding='utf-8') as out:
                out.write(git(gitdir, 'show', 'HEAD:' + path))
    with open(expectations, 'w', encoding='utf-8') as out:
        commit = git(gitdir, 'rev-parse', 'HEAD').strip()
        out.write(f'# generated by bench/zizmor-testdata.py --extract from zizmor {commit}, {TESTS}*.rs\n')
        out.write('# test\tinput\toptions\tstatus\taudit\tlevel\tline\tcolumn\n')
        for r in rows:
            out.write('\t'.join(r) + '\n')
    print(f'{len(rows)} rows, {len(inputs)} inputs, from {commit}')


# --- measurement ---

def read_rows():
    rows = []
    for line in open(expectations, encoding='utf-8'):
        if not line.startswith('#'):
            rows.append(line.rstrip('\n').split('\t'))
    return rows


def step_spans(path):
    """(first line, last line) of every step of the file (a mapping item of a `steps:` sequence), 1-based: from the
    step's first key to the last line indented at least as deep, blank lines and comments included (as
    ZizmorTestdataTest computes them)."""
    try:
        text = open(path, encoding='utf-8').read()
        docs = list(yaml.compose_all(text))
    except (yaml.YAMLError, UnicodeDecodeError):
        return []
    lines = text.split('\n')
    starts = []

    def walk(node, key=None):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, k.value if isinstance(k, yaml.ScalarNode) else None)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if key == 'steps' and isinstance(item, yaml.MappingNode):
                    starts.append((item.start_mark.line, item.start_mark.column))
                walk(item)

    for d in docs:
        walk(d)
    spans = []
    for line, col in starts:
        end = line
        for i in range(line + 1, len(lines)):
            body = lines[i].lstrip(' ')
            if body and not body.startswith('#') and len(lines[i]) - len(body) < col:
                break
            if body:
                end = i
        spans.append((line + 1, end + 1))
    return spans


def config_text(options):
    audits = {}
    for opt in options.split(';'):
        key, value = opt.split('=', 1)
        if key == 'persona':
            continue
        audit, kind = key.split('.')
        audits.setdefault(audit, {})[kind] = value.split(',')
    return yaml.safe_dump({'audits': audits}) if audits else None


def lint(files, options, tmp):
    persona = dict(o.split('=', 1) for o in options.split(';'))['persona']
    cmd = os.environ.get('PIPEWRIGHT', os.path.join(root, 'pipewright')).split()
    cmd += ['lint', '--format', 'json', '--fail-level', 'none', '--persona', persona]
    text = config_text(options)
    if text:
        conf = os.path.join(tmp, f'config-{abs(hash(options))}.yml')
        with open(conf, 'w', encoding='utf-8') as f:
            f.write(text)
        cmd += ['--config', conf]
    env = dict(os.environ, PIPEWRIGHT_SHELLCHECK='off')
    out = subprocess.run(cmd + files, capture_output=True, text=True, env=env, cwd=tmp)
    if out.returncode != 0:
        sys.exit(f'{" ".join(cmd)} failed: {out.stderr.strip()}')
    return json.loads(out.stdout or '[]')


def measure(audits, verbose, markdown):
    data = os.path.join(resources, 'test-data')
    rows = read_rows()
    runs = collections.defaultdict(set)  # options -> inputs
    for test, inp, options, status, *_ in rows:
        if status == 'run':
            runs[options].add(os.path.join(data, inp))
    ours = {}  # (options, real path) -> findings
    with tempfile.TemporaryDirectory() as tmp:
        for options, files in sorted(runs.items()):
            targets = sorted({f if os.path.exists(f) else os.path.dirname(f) for f in files})
            for f in lint(targets, options, tmp):
                ours.setdefault((options, os.path.realpath(f['file'])), []).append(f)
    stats = collections.Counter()
    skipped = collections.Counter()
    misses = []
    expected_by_run = collections.defaultdict(set)
    spans = {}
    for test, inp, options, status, audit, level, line, col in rows:
        if audits and audit not in audits and audit != '-':
            continue
        if status != 'run':
            if audit != '-':
                skipped[audit, status[len('skip: '):]] += 1
            continue
        path = os.path.realpath(os.path.join(data, inp))
        expected_by_run[options, path].add(audit)
        if audit == '-':
            continue
        ln = int(line)
        if path not in spans:
            spans[path] = step_spans(path)
        step = next((s for s in spans[path] if s[0] <= ln <= s[1]), None)
        same = [f for f in ours.get((options, path), []) if f['rule'] == audit]
        on_line = any(f['line'] == ln for f in same)
        in_step = any(step[0] <= f['line'] <= step[1] for f in same) if step else on_line
        for key in (audit, 'total'):
            stats[key, 'expected'] += 1
            stats[key, 'found'] += in_step
            stats[key, 'line'] += on_line
        if not in_step:
            misses.append((audit, test, inp, options, ln, int(col), [f['line'] for f in same]))
    false = collections.Counter()
    false_list = []
    for (options, path), expected in expected_by_run.items():
        for f in ours.get((options, path), []):
            if f['rule'] not in expected and (not audits or f['rule'] in audits):
                if f['rule'] in KNOWN_AUDITS:
                    false[f['rule']] += 1
                    false['total'] += 1
                    false_list.append((f['rule'], os.path.relpath(path, data), options, f['line'], f['message']))
    names = sorted({k for k, _ in stats if k != 'total'} | {k for k in false if k != 'total'},
                   key=lambda a: (-stats[a, 'expected'], a))
    table = ['| audit | expected | found (same step) | same line | false findings |', '|---|---:|---:|---:|---:|']
    for a in names + ['total']:
        e, fo = stats[a, 'expected'], stats[a, 'found']
        pct = f' ({100 * fo / e:.0f} %)' if a == 'total' and e else ''
        name = '**total**' if a == 'total' else f'`{a}`'
        table.append(f'| {name} | {e} | {fo}{pct} | {stats[a, "line"]} | {false[a]} |')
    skip_rows = collections.Counter()
    for (audit, reason), n in skipped.items():
        skip_rows[reason] += n
    print('\n'.join(table))
    for reason, n in sorted(skip_rows.items(), key=lambda x: -x[1]):
        print(f'skipped: {n} expected findings: {reason}')
    if verbose:
        for a, test, inp, options, ln, col, lines in sorted(misses):
            print(f'miss {a} {inp}:{ln}:{col} [{options}] {test}' + (f' (ours on lines {lines})' if lines else ''))
    if verbose > 1:
        for a, inp, options, ln, msg in sorted(false_list):
            print(f'false {a} {inp}:{ln} [{options}] {msg[:120]}')
    if markdown:
        text = open(markdown, encoding='utf-8').read()
        head = text.split(MARKER)[0]
        body = '\n'.join(table) + '\n\nSkipped (not counted):\n\n' + ''.join(
            f'- {n} expected findings: {reason}\n' for reason, n in sorted(skip_rows.items(), key=lambda x: -x[1]))
        with open(markdown, 'w', encoding='utf-8') as f:
            f.write(head + MARKER + '\n\n' + body)


def known_audits():
    """The ids of pipewright's security audits: the rows of the security tables of docs/rules/README.md."""
    ids, security = set(), False
    for line in open(os.path.join(root, 'docs/rules/README.md'), encoding='utf-8'):
        security |= line.startswith('## ')
        m = re.match(r'\| \[`([a-z-]+)`\]', line)
        if m and security:
            ids.add(m[1])
    return ids


KNOWN_AUDITS = known_audits()

if __name__ == '__main__':
    args = sys.argv[1:]
    if not args[:1] or args[0] in ('-h', '--help'):
        if args:
            sys.exit(__doc__)
    if args[:1] == ['--extract'] and len(args) == 2:
        extract(args[1])
        sys.exit()
    md = None
    if '--markdown' in args:
        i = args.index('--markdown')
        md = args[i + 1]
        del args[i:i + 2]
    level = sum(a.count('v') for a in args if re.fullmatch(r'-v+', a))
    measure({a for a in args if not a.startswith('-')}, level, md)
