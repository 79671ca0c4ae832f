#!/usr/bin/env bash
# Publishes CostSync self-contained (no .NET runtime needed on the VM) for linux-x64 and linux-arm64 into versioned
# tarballs, each with a SHA-256 file that `sha256sum -c` checks. The version and the commit are stamped into the binary:
# `CostSync --version` prints them and the daemon's start-up line logs them.
#
#   deploy/package.sh VERSION [OUTPUT_DIR]     e.g. deploy/package.sh 1.4.0   (OUTPUT_DIR defaults to artifacts/package)
#
# Produces OUTPUT_DIR/costsync-VERSION-linux-x64.tar.gz(.sha256) and OUTPUT_DIR/costsync-VERSION-linux-arm64.tar.gz(.sha256).
# The files sit at the root of each tarball (CostSync, its libraries, appsettings.json). The build happens in a private
# folder, so it never disturbs (or is disturbed by) the working tree's own bin/ and obj/.
set -euo pipefail

usage() { echo "Usage: $0 VERSION [OUTPUT_DIR]   (VERSION like 1.4.0 or 1.4.0-rc.1)" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
version=$1
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
  echo "package.sh: VERSION '$version' is not a version like 1.4.0 or 1.4.0-rc.1." >&2
  exit 2
fi

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
output=$(mkdir -p "${2:-$repo/artifacts/package}" && cd "${2:-$repo/artifacts/package}" && pwd)
commit=unknown
epoch=0
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git -C "$repo" rev-parse HEAD)
  epoch=$(git -C "$repo" log -1 --format=%ct)
  # A tarball built from uncommitted changes says so.
  if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no) ]]; then
    commit="$commit-dirty"
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rid in linux-x64 linux-arm64; do
  name="costsync-$version-$rid"
  echo "package.sh: publishing $name (commit $commit)"
  dotnet publish "$repo/src/CostSync/CostSync.csproj" \
    --configuration Release --runtime "$rid" --self-contained true \
    --artifacts-path "$work/build" --output "$work/$name" \
    -p:Version="$version" -p:SourceRevisionId="$commit" -p:ContinuousIntegrationBuild=true \
    -p:DebugType=embedded -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false \
    --nologo --verbosity quiet
  if [[ ! -x "$work/$name/CostSync" ]]; then
    echo "package.sh: the publish of $rid produced no CostSync executable in $work/$name." >&2
    exit 1
  fi

  # Reproducible archive: sorted names, fixed owner and times, no gzip timestamp.
  tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    -C "$work/$name" -cf - . | gzip -n -9 >"$output/$name.tar.gz"
  (cd "$output" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
  echo "package.sh: $output/$name.tar.gz  sha256 $(cut -d' ' -f1 "$output/$name.tar.gz.sha256")"
done
