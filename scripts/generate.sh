#!/usr/bin/env bash
# The README's main job: installs what is missing (ffmpeg, the pinned Azurite), then runs `videopipeline generate`
# with the given arguments, e.g. `bash scripts/generate.sh examples/local-demo.json --out out`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/VideoPipeline.Cli -c Release -- generate "$@"
