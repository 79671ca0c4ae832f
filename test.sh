#!/usr/bin/env bash
# CostSync's test suite on a fresh Debian 12 with only the .NET SDK: installs what the tests need when it can (Debian
# packages as root, or with passwordless sudo; the npm packages in tests/servers), then runs `dotnet test`.
#
# Usage: ./test.sh [--check] [dotnet test arguments...]
#   --check   say what is missing and the commands that install it; install nothing, run no tests
#             (exit 0 when nothing is missing, 1 otherwise)
#   anything else goes to `dotnet test` unchanged, e.g. ./test.sh --no-build -- --filter-class "*DoctorTests"
#
# What the tests need beyond the SDK: OpenStack Swift with s3api and memcached (the real S3 server), Node.js and npm with
# tests/servers' packages (the official OCI SDK for reference signatures, HCL parsing), cloud-init, ShellCheck and
# systemd-analyze (the offline deploy checks), git (the packaging tests stamp the commit).
set -euo pipefail
cd "${BASH_SOURCE[0]%/*}"

# The command each test needs, and the Debian package that provides it.
readonly requirements=(
  "swift-ring-builder swift"
  "swift-proxy-server swift-proxy"
  "swift-account-server swift-account"
  "swift-container-server swift-container"
  "swift-object-server swift-object"
  "memcached memcached"
  "node nodejs"
  "npm npm"
  "cloud-init cloud-init"
  "shellcheck shellcheck"
  "systemd-analyze systemd"
  "git git"
)
readonly npm_install=(npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error)

check_only=false
if [[ "${1:-}" == "--check" ]]; then
  check_only=true
  shift
fi

say() { printf 'test.sh: %s\n' "$*"; }

missing_commands=()
missing_packages=()
for requirement in "${requirements[@]}"; do
  read -r tool package <<<"$requirement"
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing_commands+=("$tool")
    missing_packages+=("$package")
  fi
done

# tests/servers/node_modules: installed and matching package-lock.json (npm ls fails on anything missing or invalid).
npm_needed=true
if command -v npm >/dev/null 2>&1 && npm ls --prefix tests/servers --depth=0 >/dev/null 2>&1; then
  npm_needed=false
fi

apt_command="apt-get update && apt-get install -y --no-install-recommends ${missing_packages[*]:-}"

if $check_only; then
  if ((${#missing_packages[@]} == 0)) && ! $npm_needed; then
    say "nothing is missing: ./test.sh runs dotnet test directly."
    exit 0
  fi
  if ((${#missing_packages[@]} > 0)); then
    say "missing commands: ${missing_commands[*]}"
    say "would run (as root): $apt_command"
  fi
  if $npm_needed; then
    say "tests/servers/node_modules is missing or out of date"
    say "would run: ${npm_install[*]}"
  fi
  exit 1
fi

if ((${#missing_packages[@]} > 0)); then
  if [[ "$(id -u)" == 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    say "the tests need ${missing_commands[*]}, and this user cannot install them (not root, no passwordless sudo)."
    if command -v apt-get >/dev/null 2>&1; then
      say "run this once as root, then ./test.sh again:"
      printf '  sudo sh -c "%s"\n' "$apt_command"
    else
      say "this is not a Debian system (no apt-get): install these Debian packages' equivalents, then ./test.sh again: ${missing_packages[*]}"
    fi
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "the tests need ${missing_commands[*]}, and this is not a Debian system (no apt-get): install these Debian packages' equivalents, then ./test.sh again: ${missing_packages[*]}"
    exit 1
  fi
  say "installing ${missing_packages[*]} (apt-get, about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
fi

if $npm_needed; then
  say "installing tests/servers' npm packages (${npm_install[*]})"
  "${npm_install[@]}"
fi

exec dotnet test "$@"
