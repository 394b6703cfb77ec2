#!/bin/bash
# The container's health check. With KAM_HTTP_PORT set it asks /healthz (200 healthy, 503 not);
# without it, the heartbeat file the bot touches every 15 s while its checks hold must be fresh.
set -u
if [ -n "${KAM_HTTP_PORT:-}" ]; then
  exec 3<>"/dev/tcp/127.0.0.1/${KAM_HTTP_PORT}" || exit 1
  printf 'GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r -t 5 status <&3 || exit 1
  case "$status" in
    *" 200 "*) exit 0 ;;
    *) exit 1 ;;
  esac
fi
beat="${KAM_DATA_DIR:-/data}/heartbeat"
[ -f "$beat" ] || exit 1
age=$(( $(date +%s) - $(stat -c %Y "$beat") ))
[ "$age" -lt 90 ]
