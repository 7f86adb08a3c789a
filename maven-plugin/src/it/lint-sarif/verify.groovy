// The build failed on the error-level finding, and both reports were written.
def log = new File(basedir, 'build.log').text
assert log.contains('.github/workflows/ci.yml:8:')
assert log.contains('lint finding(s) at or above error')
def sarif = new File(basedir, 'target/pipewright-lint.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
def results = json.runs[0].results
assert results.any { it.level == 'error' && it.locations[0].physicalLocation.artifactLocation.uri == '.github/workflows/ci.yml' }
assert new File(basedir, 'target/pipewright-lint.json').isFile()
return true
