#!/usr/bin/env python3
"""Checks catalog/actions.lock against the tags of the actions' own repositories.

The lock's SHAs come from `# vX.Y.Z` comments in real workflows (tools/lock-evidence.py), and a comment is only a
claim: a workflow may label a CodeQL bundle commit `# v2.16.1`. Where a git copy of an action's repository is at
hand (bare repositories under MIRRORS/<owner>+<repo>/repo, or a .git directory), each entry's tag is resolved
there and compared. Prints one line per entry: ok, WRONG (with the tagged commit), or unchecked (no copy, or the
copy lacks the tag); exits 1 when an entry is wrong.

usage: tools/verify-lock-tags.py MIRRORS [LOCK]   (LOCK defaults to catalog/actions.lock)
"""
import os
import subprocess
import sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
mirrors = sys.argv[1]
lock = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'catalog', 'actions.lock')
wrong = 0
for line in open(lock, encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    key, sha = (part.strip() for part in line.split(':', 1))
    ref, tag = key.rsplit('@', 1)
    owner, repo = ref.split('/')[:2]
    git_dir = next((d for d in (os.path.join(mirrors, f'{owner}+{repo}', 'repo'),
                                os.path.join(mirrors, f'{owner}+{repo}', '.git'))
                    if os.path.isdir(d)), None)
    if git_dir is None:
        # repository names compare case-insensitively on GitHub
        match = [d for d in os.listdir(mirrors) if d.lower() == f'{owner}+{repo}'.lower()]
        git_dir = os.path.join(mirrors, match[0], 'repo') if match else None
    if git_dir is None:
        print(f'unchecked {key}: no copy of {owner}/{repo}')
        continue
    r = subprocess.run(['git', '--git-dir', git_dir, 'rev-parse', '--verify', '-q', tag + '^{commit}'],
                       capture_output=True, text=True)
    if r.returncode:
        print(f'unchecked {key}: the copy has no tag {tag}')
    elif r.stdout.strip() == sha:
        print(f'ok {key}')
    else:
        wrong += 1
        print(f'WRONG {key}: lock {sha}, tag {r.stdout.strip()}')
sys.exit(1 if wrong else 0)
