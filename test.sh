#!/usr/bin/env bash
# Runs every test of the solution and prints the closing line "N passed, N failed, N skipped".
# Installs PostgreSQL and redis-server first when they are missing (the tests start their own servers).
set -uo pipefail
cd "$(dirname "$0")"
if ! bash scripts/install-prerequisites.sh; then echo "0 passed, 1 failed, 0 skipped"; exit 1; fi
rm -rf TestResults
dotnet test Scoring.sln -c Release --logger "trx" --results-directory TestResults "$@"
rc=$?
passed=0; failed=0; skipped=0
for f in TestResults/*.trx; do
  [ -e "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
