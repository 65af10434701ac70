#!/usr/bin/env bash
# `make run`: the development server and one worker together; Ctrl+C stops both, and if either dies the
# other is stopped too. Both write to this terminal. Usage: run-dev.sh PYTHON [ADDRESS:PORT]
set -uo pipefail
set -m  # each in its own process group, so that stopping one stops its children too (runserver's reloader)
python=${1:?usage: run-dev.sh PYTHON [ADDRESS:PORT]}
address=${2:-127.0.0.1:8000}

"$python" manage.py runserver "$address" </dev/null &
server=$!
"$python" manage.py worker </dev/null &
worker=$!

stop() {
  trap - INT TERM
  kill -TERM -- -"$server" -"$worker" 2>/dev/null
  wait "$server" "$worker" 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# Whichever ends first (a crash, a port in use) ends the other: a server without its worker would leave
# letters waiting forever.
wait -n "$server" "$worker"
status=$?
echo "run-dev.sh: the server or the worker stopped (status $status); stopping the other." >&2
stop
exit "$status"
