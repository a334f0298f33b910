#!/bin/bash
# Installs Node.js and a service user, and clears the previous files.
set -euo pipefail
dnf install -y nodejs
id web >/dev/null 2>&1 || useradd --system --no-create-home --shell /sbin/nologin web
rm -rf /opt/web
mkdir -p /opt/web
