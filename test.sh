#!/usr/bin/env bash
# Runs every test of the solution and prints the closing line "N passed, N failed, N skipped".
# Installs PostgreSQL and redis-server first when they are missing (the tests start their own servers).
# Builds once, then runs the test projects one after another: run side by side on a small CI machine, the others would
# starve Scoring.Host.Tests' child hosts and servers, whose tests watch real processes and clocks.
set -uo pipefail
cd "$(dirname "$0")"
if ! bash scripts/install-prerequisites.sh; then echo "0 passed, 1 failed, 0 skipped"; exit 1; fi
rm -rf TestResults
rc=0
if ! dotnet build Scoring.sln -c Release; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
projects=$(dotnet sln Scoring.sln list | tr '\\' '/' | grep -E '^tests/.*\.csproj$' | sort)
for project in $projects; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory TestResults "$@" || rc=1
done
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
