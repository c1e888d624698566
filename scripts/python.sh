#!/usr/bin/env bash
# Prints the path of a Python 3 that can import nbclient and nbformat (Debian's is /usr/bin/python3;
# a pyenv or virtualenv python3 earlier on PATH usually lacks them). Exits 1 when there is none.
for py in /usr/bin/python3 python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c "import nbclient, nbformat" >/dev/null 2>&1; then
    command -v "$py"
    exit 0
  fi
done
exit 1
