#!/usr/bin/env bash
# Installs the system libraries Lectern links against, when they are missing:
# libcmark-dev (Markdown) and libncurses-dev (the full-screen app).
set -euo pipefail
missing=()
[ -f /usr/include/cmark.h ] || missing+=(libcmark-dev)
[ -f /usr/include/ncursesw/curses.h ] || [ -f /usr/include/curses.h ] || missing+=(libncurses-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Lectern needs: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi
