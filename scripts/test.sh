#!/usr/bin/env bash
# The one test command (README, "Run the tests"): installs what is missing, builds the offline
# solution with warnings as errors, checks formatting, runs every test (unit and integration).
# Extra arguments go to `dotnet test`, e.g. --filter "Category!=Integration" for the fast subset.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh

solution=VideoPipeline.sln
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore "$solution" --verbosity quiet
dotnet build "$solution" --no-restore -c Release --verbosity quiet -nologo
dotnet format "$solution" --no-restore --verify-no-changes

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$solution" --no-build -c Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects' own summaries.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
