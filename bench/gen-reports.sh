#!/usr/bin/env bash
# Writes a large LCOV and a large JaCoCo XML report (default >= 200 MB each) for the throughput benchmark.
#   gen-reports.sh DIR [MB]
set -euo pipefail
dir="$1"
mb="${2:-200}"
mkdir -p "$dir"
# 400-line files with a branch every 10 lines; about 4.8 KB of LCOV and 18 KB of JaCoCo XML per file.
lcov_files=$(( mb * 1024 * 1024 / 4700 + 1 ))
jacoco_files=$(( mb * 1024 * 1024 / 17500 + 1 ))
awk -v n="$lcov_files" 'BEGIN {
  print "TN:"
  for (f = 0; f < n; f++) {
    printf "SF:src/pkg%d/file%d.c\n", f % 500, f
    for (l = 1; l <= 400; l++) {
      printf "DA:%d,%d\n", l, (l * 7 + f) % 5 ? (l + f) % 13 : 0
      if (l % 10 == 0) { printf "BRDA:%d,0,0,%d\nBRDA:%d,0,1,%s\n", l, l % 3, l, (l % 4 ? "1" : "-") }
    }
    print "end_of_record"
  }
}' > "$dir/big.info"
awk -v n="$jacoco_files" 'BEGIN {
  print "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  print "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report name=\"bench\">"
  for (f = 0; f < n; f++) {
    if (f % 100 == 0) { if (f) print "</package>"; printf "<package name=\"com/example/p%d\">\n", f / 100 }
    printf "<sourcefile name=\"File%d.java\">\n", f
    for (l = 1; l <= 400; l++) {
      ci = (l * 7 + f) % 5 ? (l + f) % 13 : 0
      if (l % 10 == 0) printf "<line nr=\"%d\" mi=\"%d\" ci=\"%d\" mb=\"1\" cb=\"1\"/>\n", l, ci ? 0 : 3, ci
      else printf "<line nr=\"%d\" mi=\"%d\" ci=\"%d\" mb=\"0\" cb=\"0\"/>\n", l, ci ? 0 : 3, ci
    }
    print "<counter type=\"LINE\" missed=\"1\" covered=\"1\"/></sourcefile>"
  }
  print "</package><counter type=\"LINE\" missed=\"1\" covered=\"1\"/></report>"
}' > "$dir/big.xml"
ls -l "$dir/big.info" "$dir/big.xml" >&2
