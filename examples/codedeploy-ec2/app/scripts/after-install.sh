#!/bin/bash
# Gives the files to the service user and reloads systemd for web.service.
set -euo pipefail
chown -R web:web /opt/web
chmod 0644 /etc/systemd/system/web.service
systemctl daemon-reload
