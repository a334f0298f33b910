#!/bin/bash
# Fails the deployment (and so rolls it back) unless the page is served within 60 seconds.
set -euo pipefail
for _ in $(seq 1 30); do
  if curl -fsS http://127.0.0.1:8080/ | grep -Fq "Congratulations"; then exit 0; fi
  sleep 2
done
echo "web did not answer on port 8080" >&2
exit 1
