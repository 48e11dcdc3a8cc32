#!/bin/sh
# Adds PEKEN Kasir to this user's application menu (no root needed).
# Run it from the extracted folder: ./install-desktop-entry.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target"
sed "s#@BUNDLE@#$here#g" "$here/peken-kasir.desktop" > "$target/peken-kasir.desktop"
chmod 0644 "$target/peken-kasir.desktop"
echo "PEKEN Kasir ada di menu aplikasi ($target/peken-kasir.desktop)."
