#!/bin/sh
# Install TAREaid from the extracted tarball, for the current user or for all users.
#
#   ./install.sh                          install (or upgrade) for the current user
#   sudo ./install.sh --system            install (or upgrade) for all users
#   ./install.sh --uninstall              remove the current user's installation
#   sudo ./install.sh --system --uninstall
#
#                      for the current user          for all users (--system)
#   program folder     ~/.local/opt/tareaid          /opt/tareaid
#   `tareaid` command  ~/.local/bin/tareaid          /usr/local/bin/tareaid
#   menu entry, icons, ~/.local/share/...            /usr/local/share/...
#   AppStream file, shell completion, manual page
#
# (~/.local/share is $XDG_DATA_HOME when that is set.) APP_DIR, BIN_DIR and DATA_DIR
# choose other folders; DESTDIR stages an installation under another root (for packagers
# and tests: the menu entry and the command still point at the final folders).
#
# Nothing here touches the database or its backups (~/.local/share/TAREaid for each user):
# an upgrade or an uninstall leaves them as they are.
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
app_id=org.tareaid.TAREaid
system=0
action=install
for argument in "$@"; do
  case $argument in
    --system) system=1 ;;
    --uninstall) action=uninstall ;;
    # The comment block at the top, up to the first line of code.
    -h | --help) sed -n -e 1d -e '/^#/!q' -e 's/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $argument (see --help)" >&2; exit 2 ;;
  esac
done
if [ -n "${PREFIX:-}" ]; then
  # Earlier versions read PREFIX and put the program in $PREFIX/opt/tareaid.
  echo "install.sh: PREFIX is not read any more: use --system for all users, or" \
    "APP_DIR, BIN_DIR and DATA_DIR (see --help)" >&2
  exit 2
fi

if [ "$system" = 1 ]; then
  app_dir=${APP_DIR:-/opt/tareaid}
  bin_dir=${BIN_DIR:-/usr/local/bin}
  data_dir=${DATA_DIR:-/usr/local/share}
else
  app_dir=${APP_DIR:-"$HOME/.local/opt/tareaid"}
  bin_dir=${BIN_DIR:-"$HOME/.local/bin"}
  data_dir=${DATA_DIR:-${XDG_DATA_HOME:-"$HOME/.local/share"}}
fi
root=${DESTDIR:-}
# A marker in the program folder: this installation ran gtk-update-icon-cache, so its
# uninstallation refreshes (or removes) that cache too.
icon_marker=.icon-cache-updated
# Another: this installation created the menu's MIME cache (update-desktop-database writes
# applications/mimeinfo.cache), so its uninstallation removes that cache again when no
# other program's menu entry is left, and refreshes it otherwise.
mime_marker=.mime-cache-created

desktop_file=$data_dir/applications/$app_id.desktop
metainfo_file=$data_dir/metainfo/$app_id.metainfo.xml
bash_completion=$data_dir/bash-completion/completions/tareaid
zsh_completion=$data_dir/zsh/site-functions/_tareaid
manual=$data_dir/man/man1/tareaid.1
hicolor=$data_dir/icons/hicolor
mime_cache=$data_dir/applications/mimeinfo.cache

refresh_menu() {
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$root$data_dir/applications" ]; then
    update-desktop-database -q "$root$data_dir/applications" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  cache_was_updated=0
  [ -e "$root$app_dir/$icon_marker" ] && cache_was_updated=1
  mime_cache_created=0
  [ -e "$root$app_dir/$mime_marker" ] && mime_cache_created=1
  rm -rf -- "$root$app_dir"
  # The command only if it is this installation's link.
  if [ -L "$root$bin_dir/tareaid" ] && [ "$(readlink "$root$bin_dir/tareaid")" = "$app_dir/tareaid" ]; then
    rm -f -- "$root$bin_dir/tareaid"
  fi
  rm -f -- "$root$desktop_file" "$root$metainfo_file" "$root$bash_completion" \
    "$root$zsh_completion" "$root$manual"
  if [ -d "$root$hicolor" ]; then
    find "$root$hicolor" -name "$app_id.*" \( -type f -o -type l \) -exec rm -f -- {} +
    if [ "$cache_was_updated" = 1 ]; then
      if find "$root$hicolor" \( -type f -o -type l \) ! -name icon-theme.cache | grep -q .; then
        # Other programs' icons remain: rebuild the cache without ours.
        gtk-update-icon-cache -q -t -f "$root$hicolor" 2>/dev/null || true
      else
        # Only the cache this installation made is left: remove it and the empty folders.
        rm -f -- "$root$hicolor/icon-theme.cache"
        find "$root$hicolor" -depth -type d -empty -exec rmdir -- {} \;
      fi
    fi
  fi
  if [ "$mime_cache_created" = 1 ] && [ -d "$root$data_dir/applications" ] &&
    ! find "$root$data_dir/applications" -name '*.desktop' | grep -q .; then
    # No other menu entry is left: remove the cache this installation made, and the folder
    # if it is empty now.
    rm -f -- "$root$mime_cache"
    rmdir -- "$root$data_dir/applications" 2>/dev/null || true
  else
    # Other programs' entries remain (or the cache was there before): rebuild it without ours.
    refresh_menu
  fi
  echo "TAREaid removed from $app_dir. The databases (in each user's" \
    "~/.local/share/TAREaid) were left as they were."
  exit 0
fi

[ -x "$here/tareaid/tareaid" ] || { echo "install.sh: $here/tareaid/tareaid not found" >&2; exit 1; }

# Did this installation (or the one it upgrades) create the MIME cache? Asked before the
# program folder, which holds the marker, is replaced.
mime_cache_created=0
if [ -e "$root$app_dir/$mime_marker" ] || [ ! -e "$root$mime_cache" ]; then
  mime_cache_created=1
fi

# Replace the program folder as a whole, so no file of an older version lingers.
mkdir -p "$(dirname -- "$root$app_dir")" "$root$bin_dir"
rm -rf -- "$root$app_dir.new"
cp -R "$here/tareaid" "$root$app_dir.new"
rm -rf -- "$root$app_dir"
mv -- "$root$app_dir.new" "$root$app_dir"
# The installer itself, so that the installation can be removed without the tarball.
cp "$0" "$root$app_dir/install.sh"
chmod 0755 "$root$app_dir/install.sh"
ln -sfn "$app_dir/tareaid" "$root$bin_dir/tareaid"

# Menu entry: point Exec at the installed binary, since a desktop session's PATH often
# lacks ~/.local/bin.
mkdir -p "$root$data_dir/applications" "$root$data_dir/metainfo" "$root$hicolor" \
  "$(dirname -- "$root$bash_completion")" "$(dirname -- "$root$zsh_completion")" \
  "$(dirname -- "$root$manual")"
sed -e "s|^Exec=tareaid|Exec=$app_dir/tareaid|" -e "s|^TryExec=tareaid|TryExec=$app_dir/tareaid|" \
  "$here/share/applications/$app_id.desktop" >"$root$desktop_file"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$root$metainfo_file"
cp -R "$here/share/icons/hicolor/." "$root$hicolor/"
cp "$here/share/bash-completion/completions/tareaid" "$root$bash_completion"
cp "$here/share/zsh/site-functions/_tareaid" "$root$zsh_completion"
cp "$here/share/man/man1/tareaid.1" "$root$manual"
if [ "$system" = 1 ]; then
  chmod -R u=rwX,go=rX "$root$app_dir"
  chmod 0644 "$root$desktop_file" "$root$metainfo_file" "$root$bash_completion" \
    "$root$zsh_completion" "$root$manual"
fi

refresh_menu
if [ "$mime_cache_created" = 1 ] && [ -e "$root$mime_cache" ]; then
  : >"$root$app_dir/$mime_marker"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 &&
  gtk-update-icon-cache -q -t -f "$root$hicolor" 2>/dev/null; then
  : >"$root$app_dir/$icon_marker"
fi

echo "TAREaid $("$root$app_dir/tareaid" --version | head -n 1 | cut -d' ' -f2) installed in $app_dir"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Note: $bin_dir is not on your PATH; start TAREaid from the menu or as $app_dir/tareaid" ;;
esac
