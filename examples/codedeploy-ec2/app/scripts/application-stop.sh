#!/bin/bash
# Stops the running version (absent on the first deployment).
set -euo pipefail
if systemctl list-unit-files web.service >/dev/null 2>&1; then
  systemctl stop web.service || true
fi
