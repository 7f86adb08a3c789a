// The build failed on the drift, said which file and how, and left the committed file alone.
def log = new File(basedir, 'build.log').text
assert log.contains('1 of 1 generated file(s) drifted')
assert log.contains('.github/workflows/ci.yml: differs from its source')
assert log.contains('-      - run: echo hellp')
assert log.contains('+      - run: echo hello')
assert new File(basedir, '.github/workflows/ci.yml').text.contains('echo hellp')
return true
