#!/bin/sh
# Print the path of a Python 3.12 or 3.13 interpreter (hazm 0.12.1 needs >=3.12,<3.14).
# Looks at: $PYTHON, python3.13, python3.12, python3, then pyenv's and /usr's installs.
ok() { "$1" -c 'import sys; sys.exit(0 if (3, 12) <= sys.version_info[:2] < (3, 14) else 1)' 2>/dev/null; }
for cand in "${PYTHON:-}" python3.13 python3.12 python3; do
  [ -n "$cand" ] || continue
  path=$(command -v "$cand" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
roots="${PYENV_ROOT:-$HOME/.pyenv}/versions"
for path in "$roots"/3.13*/bin/python3 "$roots"/3.12*/bin/python3 \
            /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
  [ -x "$path" ] && ok "$path" && { echo "$path"; exit 0; }
done
echo "setup: no Python 3.12 or 3.13 found (hazm 0.12.1 needs >=3.12,<3.14)." >&2
echo "setup: looked at \$PYTHON, python3.13, python3.12, python3 on PATH, $roots/3.1[23]*, /usr/local/bin and /usr/bin." >&2
echo "setup: install one (e.g. 'pyenv install 3.12' or 'apt-get install python3.12') or set PYTHON=/path/to/python3.12." >&2
exit 1
