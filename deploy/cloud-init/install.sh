#!/usr/bin/env bash
# First boot (cloud-init runcmd): costsync-install VERSION SHA256
# Installs the OCI CLI (to download with the instance principal), then CostSync VERSION through costsync-upgrade,
# which checks the SHA-256, unpacks to /opt/costsync/VERSION, points /opt/costsync/current at it and starts the unit.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "Usage: $0 VERSION SHA256" >&2
  exit 2
fi

if ! command -v oci >/dev/null 2>&1; then
  echo "costsync-install: installing the OCI CLI"
  dnf -y -q install oraclelinux-developer-release-el9
  dnf -y -q install python39-oci-cli
fi

install -d -m 0755 -o root -g root /opt/costsync
systemctl daemon-reload
/usr/local/sbin/costsync-upgrade "$1" "$2"
echo "costsync-install: CostSync $1 installed; next: set the AWS keys (tofu output set_aws_keys), then costsync doctor"
