#!/usr/bin/env bash
# The benchmark, one command: CostSync against rclone and against the machine's limits, on loopback, written to
# docs/BENCHMARKS.md (with --quick: a small tree for CI, written to artifacts/bench/BENCHMARKS-quick.md).
#
#   bench/run.sh [--quick] [--runs N] [--seed N] [--out FILE]
#
# Needs: the .NET 10 SDK; GNU time, rclone and Swift with s3api (installed here when missing, as root); Swift on
# 127.0.0.1:18080 (reused when it answers, else started from tests/servers/swift-s3.sh and stopped at the end).
# CostSync is measured as it ships: published self-contained for this machine (ReadyToRun), like deploy/package.sh.
# A full run takes about half an hour; measure on a quiet machine (1-minute load average below 0.5) and compare ratios.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

install() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "bench/run.sh: $1 is missing; install it with: sudo apt-get install -y --no-install-recommends $2" >&2
    exit 2
  fi
  echo "bench/run.sh: installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2 >/dev/null
}

[[ -x /usr/bin/time ]] || install "GNU time" time
command -v rclone >/dev/null 2>&1 || install rclone rclone
if ! command -v swift-proxy-server >/dev/null 2>&1 || ! command -v memcached >/dev/null 2>&1; then
  install Swift "swift swift-proxy swift-account swift-container swift-object memcached"
fi

swift_dir=
cleanup() {
  if [[ -n $swift_dir && -f $swift_dir/pids ]]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$swift_dir/pids"
  fi
}
trap cleanup EXIT
if ! curl -fsS -o /dev/null --max-time 3 http://127.0.0.1:18080/healthcheck; then
  swift_dir=$(mktemp -d /tmp/costsync-bench-swift-XXXXXX)
  echo "bench/run.sh: starting Swift in $swift_dir"
  bash tests/servers/swift-s3.sh "$swift_dir" 18080 >/dev/null
fi

rid=linux-x64
[[ $(uname -m) == aarch64 ]] && rid=linux-arm64
out=artifacts/bench
echo "bench/run.sh: publishing CostSync ($rid, self-contained) and building the harness"
dotnet publish src/CostSync/CostSync.csproj --configuration Release --runtime "$rid" --self-contained true \
  --output "$out/costsync" -p:DebugType=embedded --nologo --verbosity quiet
dotnet build bench/CostSync.Bench/CostSync.Bench.csproj --configuration Release --output "$out/harness" --nologo --verbosity quiet

exec dotnet "$out/harness/CostSync.Bench.dll" --costsync "$out/costsync/CostSync" "$@"
