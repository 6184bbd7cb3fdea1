#!/usr/bin/env bash
# Installs what VideoPipeline needs beyond the .NET SDK and Node.js, only where it is missing:
# ffmpeg/ffprobe (Debian package) and the npm tools pinned by package-lock.json (Azurite).
# Safe to run again; does nothing when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "bootstrap: $1 is required: $2" >&2; exit 1; }; }
need dotnet "install the .NET SDK 10 (https://dotnet.microsoft.com/download)"
need node "install Node.js 20 or newer"
need npm "install npm (it comes with Node.js)"

if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  echo "bootstrap: installing ffmpeg from Debian packages"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "bootstrap: ffmpeg is missing and this user cannot install packages; run: apt-get install ffmpeg" >&2; exit 1
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "bootstrap: no apt-get here; install ffmpeg with your package manager" >&2; exit 1; }
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null
fi

# npm ci only when node_modules was not installed from this exact lock file.
stamp=node_modules/.videopipeline-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

echo "bootstrap: dotnet $(dotnet --version), node $(node --version), $(ffmpeg -version | head -n1 | cut -d' ' -f1-3), azurite $(node -p 'require("./node_modules/azurite/package.json").version')"
