#!/bin/sh
# Install (or with --uninstall remove) the Claimdesk bundle for the current user: the program in
# ~/.local/lib/claimdesk, the `claimdesk` command in ~/.local/bin, the menu entry, the icons and
# the AppStream metadata under ~/.local/share. Run it from the unpacked bundle folder:
#     ./install.sh            ./install.sh --uninstall
# PREFIX=/opt/claimdesk DATA=/usr/share BIN=/usr/local/bin sudo -E ./install.sh  (system-wide)
set -eu
ID=org.claimdesk.Claimdesk
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local/lib/claimdesk}
DATA=${DATA:-${XDG_DATA_HOME:-$HOME/.local/share}}
BIN=${BIN:-$HOME/.local/bin}
SIZES="16 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX"
  rm -f "$BIN/claimdesk" "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$ID.svg"
  for s in $SIZES; do rm -f "$DATA/icons/hicolor/${s}x${s}/apps/$ID.png"; done
  echo "Claimdesk removed (your databases in the data folder are kept)."
  exit 0
fi

[ -x "$HERE/claimdesk" ] || { echo "install.sh: run me from the unpacked bundle (no ./claimdesk here)" >&2; exit 1; }
icons="$HERE/_internal/resources/icons"
mkdir -p "$PREFIX" "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
if [ "$HERE" != "$PREFIX" ]; then
  rm -rf "$PREFIX"
  cp -a "$HERE" "$PREFIX"
fi
ln -sf "$PREFIX/claimdesk" "$BIN/claimdesk"
# The menu entry names the program by its full path: ~/.local/bin is not always on the PATH a
# desktop session starts programs with.
sed "s|^Exec=claimdesk|Exec=\"$PREFIX/claimdesk\"|" "$HERE/$ID.desktop" > "$DATA/applications/$ID.desktop"
cp "$HERE/$ID.metainfo.xml" "$DATA/metainfo/"
cp "$icons/claimdesk.svg" "$DATA/icons/hicolor/scalable/apps/$ID.svg"
for s in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${s}x${s}/apps"
  cp "$icons/claimdesk-$s.png" "$DATA/icons/hicolor/${s}x${s}/apps/$ID.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "Claimdesk installed in $PREFIX; start it from your applications menu or with: $BIN/claimdesk"
