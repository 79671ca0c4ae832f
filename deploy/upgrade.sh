#!/usr/bin/env bash
# Installs, upgrades or rolls back CostSync on its VM, without replacing the VM. cloud-init installs this script as
# /usr/local/sbin/costsync-upgrade and runs it at the first boot; run it over the Bastion for upgrades.
#
#   costsync-upgrade VERSION [SHA256]  download costsync-VERSION-linux-ARCH.tar.gz and its .sha256 from the artifact
#                                      bucket (instance principal), check the SHA-256 (and SHA256, when given), unpack to
#                                      /opt/costsync/VERSION, check that it answers --version, point /opt/costsync/current
#                                      at it (the old one becomes /opt/costsync/previous) and restart costsync. When the
#                                      new version does not start, current goes back and the old version is restarted.
#   costsync-upgrade --rollback        point current back at previous and restart.
#
# Settings, for tests and other layouts: COSTSYNC_ROOT (prefix of every path; default none), COSTSYNC_ARTIFACT_DIR (copy
# from this folder instead of downloading), COSTSYNC_RESTART (command that (re)starts the service; default systemctl),
# COSTSYNC_FETCH_ATTEMPTS (downloads are retried 30 s apart while a new IAM policy propagates; default 20).
set -euo pipefail

root=${COSTSYNC_ROOT:-}
opt="$root/opt/costsync"
deploy_env="$root/etc/costsync/deploy.env"
work=

say() { echo "costsync-upgrade: $*"; }
fail() {
  echo "costsync-upgrade: $*" >&2
  exit 1
}
usage() {
  echo "Usage: costsync-upgrade VERSION [SHA256] | costsync-upgrade --rollback" >&2
  exit 2
}
link_of() { readlink "$opt/$1" 2>/dev/null || true; }

# Atomic: a new symlink renamed over the old one, so current never dangles or disappears.
point() {
  ln -sfn "$2" "$opt/.$1.new"
  mv -T "$opt/.$1.new" "$opt/$1"
}

restart() {
  if [[ -n ${COSTSYNC_RESTART:-} ]]; then
    bash -c "$COSTSYNC_RESTART"
  else
    # Type=notify: restart returns only when the new process is ready, or fails when it exits (e.g. bad configuration).
    systemctl daemon-reload && systemctl enable --quiet costsync && systemctl restart costsync && systemctl is-active --quiet costsync
  fi
}

fetch() {
  if [[ -n ${COSTSYNC_ARTIFACT_DIR:-} ]]; then
    cp -- "$COSTSYNC_ARTIFACT_DIR/$1" "$2" 2>/dev/null || fail "$1 is not in $COSTSYNC_ARTIFACT_DIR."
    return 0
  fi
  local attempt
  for ((attempt = 1; attempt <= ${COSTSYNC_FETCH_ATTEMPTS:-20}; attempt++)); do
    if oci os object get --auth instance_principal --region "$COSTSYNC_REGION" --namespace-name "$COSTSYNC_NAMESPACE" \
      --bucket-name "$COSTSYNC_BUCKET" --name "$1" --file "$2" >/dev/null 2>"$work/oci.err"; then
      return 0
    fi
    say "download of $1 failed (attempt $attempt; a new policy can take minutes to apply): $(tail -n 1 "$work/oci.err")"
    sleep 30
  done
  fail "cannot download oci://$COSTSYNC_BUCKET@$COSTSYNC_NAMESPACE/$1. Was it uploaded (tofu apply -var costsync_version=…)? Does the policy let the VM read the bucket?"
}

# Keeps current and previous; older versions can be installed again from the bucket.
prune() {
  local keep_current keep_previous entry name
  keep_current=$(link_of current)
  keep_previous=$(link_of previous)
  for entry in "$opt"/*; do
    name=${entry##*/}
    if [[ -d $entry && ! -L $entry && $name != "$keep_current" && $name != "$keep_previous" ]]; then
      rm -rf -- "$entry"
      say "removed the old version $name"
    fi
  done
}

upgrade() {
  local version=$1 expected=${2:-} current previous name actual staging answer
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || usage
  [[ -z $expected || $expected =~ ^[0-9a-f]{64}$ ]] || usage
  [[ -r $deploy_env ]] || fail "$deploy_env is missing (cloud-init writes it: namespace, bucket, architecture, region)."
  # shellcheck source=/dev/null
  source "$deploy_env"
  name="costsync-$version-linux-${COSTSYNC_ARCH:?COSTSYNC_ARCH is not set in $deploy_env}.tar.gz"
  current=$(link_of current)
  previous=$(link_of previous)
  if [[ $current == "$version" ]]; then
    say "CostSync $version is already the current version."
    return 0
  fi

  fetch "$name" "$work/$name"
  fetch "$name.sha256" "$work/$name.sha256"
  (cd "$work" && sha256sum --check --status "$name.sha256") ||
    fail "$name does not match its .sha256 (damaged or incomplete download); nothing was changed."
  actual=$(sha256sum "$work/$name" | cut -d' ' -f1)
  [[ -z $expected || $actual == "$expected" ]] ||
    fail "$name has SHA-256 $actual, not the expected $expected; nothing was changed."

  staging="$opt/.$version.staging"
  rm -rf -- "$staging"
  mkdir -p -- "$staging"
  tar -xzf "$work/$name" -C "$staging" --no-same-owner
  answer=$("$staging/CostSync" --version 2>&1) || {
    rm -rf -- "$staging"
    fail "the unpacked CostSync does not run on this machine (wrong architecture?): $answer"
  }
  if [[ $answer != "CostSync $version "* ]]; then
    rm -rf -- "$staging"
    fail "the unpacked CostSync says '$answer', not version $version; nothing was changed."
  fi
  rm -rf -- "${opt:?}/$version"
  mv -T -- "$staging" "$opt/$version"

  point current "$version"
  [[ -z $current ]] || point previous "$current"
  if restart; then
    say "CostSync $version is running ($answer).${current:+ Previous: $current; roll back with: costsync-upgrade --rollback}"
    prune
    return 0
  fi
  [[ -n $current ]] || fail "CostSync $version was installed but did not start; see: journalctl -u costsync"
  point current "$current"
  if [[ -n $previous ]]; then point previous "$previous"; else rm -f -- "$opt/previous"; fi
  restart || true
  fail "CostSync $version did not start (see: journalctl -u costsync); rolled back to $current."
}

rollback() {
  local current previous
  current=$(link_of current)
  previous=$(link_of previous)
  [[ -n $previous && -d $opt/$previous ]] || fail "there is no previous version in $opt to roll back to."
  point current "$previous"
  point previous "$current"
  restart || fail "CostSync $previous did not start after the rollback; see: journalctl -u costsync"
  say "rolled back to CostSync $previous; costsync-upgrade --rollback again returns to $current."
}

[[ $# -ge 1 && $# -le 2 ]] || usage
if [[ -z $root && $EUID -ne 0 ]]; then
  fail "run it as root: sudo costsync-upgrade $*"
fi
mkdir -p -- "$opt"
exec 9>"$opt/.upgrade.lock"
flock -n 9 || fail "another costsync-upgrade is running."
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

if [[ $1 == --rollback ]]; then
  [[ $# -eq 1 ]] || usage
  rollback
else
  upgrade "$@"
fi
