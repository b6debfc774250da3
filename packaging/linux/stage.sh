#!/bin/sh
# Lay out the Linux tarball's folder from a built program folder (used by build.sh, and by
# the tests with a stand-in program):
#
#   packaging/linux/stage.sh APP_FOLDER ICON_DIR STAGE VERSION ARCH GLIBC
#
#   STAGE/tareaid/                          the one-folder program (a copy of APP_FOLDER)
#   STAGE/install.sh, INSTALL.txt           installer and instructions
#   STAGE/LICENSE, THIRD-PARTY-NOTICES.txt  TAREaid's licence and the third-party notices
#   STAGE/share/applications, metainfo, icons/hicolor
#   STAGE/share/bash-completion/completions/tareaid, zsh/site-functions/_tareaid,
#   STAGE/share/man/man1/tareaid.1          shell completion and manual page
set -eu

app=$1 icons=$2 stage=$3 version=$4 arch=$5 glibc=$6
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
packaging=$(dirname -- "$here")
root=$(dirname -- "$packaging")
app_id=org.tareaid.TAREaid

rm -rf -- "$stage"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons" \
  "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" \
  "$stage/share/man/man1"
cp -a "$app" "$stage/tareaid"
cp "$here/$app_id.desktop" "$stage/share/applications/"
cp "$here/$app_id.metainfo.xml" "$stage/share/metainfo/"
cp -R "$icons/hicolor" "$stage/share/icons/"
cp "$packaging/shell/tareaid.bash" "$stage/share/bash-completion/completions/tareaid"
cp "$packaging/shell/_tareaid" "$stage/share/zsh/site-functions/_tareaid"
cp "$packaging/shell/tareaid.1" "$stage/share/man/man1/tareaid.1"
cp "$root/LICENSE" "$stage/LICENSE"
cp "$root/resources/licenses/THIRD-PARTY-NOTICES.txt" "$stage/THIRD-PARTY-NOTICES.txt"
install -m 0755 "$here/install.sh" "$stage/install.sh"
sed -e "s/@VERSION@/$version/g" -e "s/@ARCH@/$arch/g" -e "s/@GLIBC@/$glibc/g" \
  "$here/INSTALL.txt" >"$stage/INSTALL.txt"
