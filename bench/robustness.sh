#!/usr/bin/env bash
# The full robustness run: 10,000 seeded mutations of corpus files (CI runs 300).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl linter -am test -Dtest=RobustnessTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Drobustness.count="${1:-10000}" -Drobustness.seed="${2:-20261122}"
