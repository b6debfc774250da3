#!/bin/sh
# Install TAREaid for the current user from the extracted tarball; no administrator needed.
#
#   ./install.sh            install (or upgrade) into ~/.local
#   ./install.sh --uninstall remove the program, launcher and icons (never the database)
#
# Puts the program in ~/.local/opt/tareaid, a `tareaid` command in ~/.local/bin, the menu
# entry in ~/.local/share/applications, the AppStream file in ~/.local/share/metainfo and
# the icons in ~/.local/share/icons/hicolor. The database and its backups stay where they
# are (~/.local/share/TAREaid): an upgrade or an uninstall never touches them.
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
app_dir="$prefix/opt/tareaid"
bin_dir="$prefix/bin"
app_id=org.tareaid.TAREaid

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf -- "$app_dir"
  rm -f -- "$bin_dir/tareaid" "$data_home/applications/$app_id.desktop" \
    "$data_home/metainfo/$app_id.metainfo.xml"
  find "$data_home/icons/hicolor" -name "$app_id.*" -type f -delete 2>/dev/null || true
  echo "TAREaid removed. Your database in $data_home/TAREaid was left as it was."
  exit 0
fi

[ -x "$here/tareaid/tareaid" ] || { echo "install.sh: $here/tareaid/tareaid not found" >&2; exit 1; }

# Replace the program folder as a whole, so no file of an older version lingers.
mkdir -p "$prefix/opt" "$bin_dir"
rm -rf -- "$app_dir.new"
cp -R "$here/tareaid" "$app_dir.new"
rm -rf -- "$app_dir"
mv -- "$app_dir.new" "$app_dir"
ln -sf "$app_dir/tareaid" "$bin_dir/tareaid"

# Menu entry: point Exec at the installed binary, since a desktop session's PATH often
# lacks ~/.local/bin.
mkdir -p "$data_home/applications" "$data_home/metainfo" "$data_home/icons"
sed -e "s|^Exec=tareaid|Exec=$app_dir/tareaid|" -e "s|^TryExec=tareaid|TryExec=$app_dir/tareaid|" \
  "$here/share/applications/$app_id.desktop" >"$data_home/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/"
cp -R "$here/share/icons/hicolor" "$data_home/icons/"

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data_home/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi

echo "TAREaid $("$app_dir/tareaid" --version | head -n 1 | cut -d' ' -f2) installed in $app_dir"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Note: $bin_dir is not on your PATH; start TAREaid from the menu or as $app_dir/tareaid" ;;
esac
