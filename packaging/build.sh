#!/usr/bin/env bash
# Build TAREaid as a one-folder application (Linux and macOS) and smoke-test the result.
#
#   packaging/build.sh
#
# From a clean checkout, with Python >= 3.11 on PATH (or PYTHON=/path/to/python3.11):
#  1. makes a build virtualenv in packaging/build/venv and installs TAREaid and PyInstaller;
#  2. renders the icons from the SVG (packaging/make_icons.py);
#  3. runs PyInstaller with packaging/tareaid.spec -> packaging/dist/tareaid/
#     (macOS: also packaging/dist/TAREaid.app);
#  4. smoke-tests the frozen binary: --version, --smoke on a fresh database (also with a
#     Chinese system language: the Chinese interface and Qt's own catalogue are there), the
#     demo cases, a PDF report of a demo case, check and backup, and that a PostgreSQL URL
#     reaches the bundled driver (and, with TAREAID_SMOKE_PG_URL set to an empty server
#     database, the demo cases, --smoke, check and backup on that server); any failure
#     fails the build;
#  5. Linux: copies the licence files of the bundled system libraries into the folder
#     and fails if any library, including those vendored in wheels' .libs folders, has no
#     known licence (system_licences.py, wheel_libraries.py), finds the oldest glibc it
#     runs on (glibc_floor.py), and packs packaging/dist/tareaid-<version>-linux-<arch>.tar.gz
#     (linux/stage.sh): the .desktop file, the AppStream metainfo, the icons, shell
#     completion, the manual page, the licence and notices, install.sh and INSTALL.txt.
#
# Everything it writes is under packaging/build and packaging/dist (both git-ignored).
# Environment: PYTHON (interpreter for the build venv), TAREAID_REUSE_VENV=1 (keep an
# existing build venv instead of recreating it), TAREAID_SKIP_SMOKE=1 (never for a release),
# TAREAID_SMOKE_PG_URL (postgresql://… of an empty database the smoke test may fill).
set -euo pipefail

started=$(date +%s)
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -- "$here/.." && pwd)
build="$here/build"
dist="$here/dist"
venv="$build/venv"
python=${PYTHON:-python3}

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'build.sh: FAILED: %s\n' "$*" >&2; exit 1; }

"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "$python is older than Python 3.11"

step "build virtualenv ($venv)"
mkdir -p "$build"
pip_log="$build/pip.log"
: >"$pip_log"
pip() { "$venv/bin/python" -m pip "$@" >>"$pip_log" 2>&1 || { cat "$pip_log" >&2; fail "pip $*"; }; }
if [[ "${TAREAID_REUSE_VENV:-0}" != 1 || ! -x "$venv/bin/python" ]]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  pip install --upgrade pip
fi
# A regular (not editable) install: the build must see tareaid.resources exactly as an
# installed copy does, with the "postgres" extra (psycopg 3) so that the app can open a
# shared database server. Pillow packs the .ico/.icns icons; it is not bundled.
pip install pyinstaller pillow
pip install --force-reinstall --no-deps "$root"
pip install "$root[postgres]"
version=$("$venv/bin/python" -c 'import tareaid; print(tareaid.__version__)')
echo "TAREaid $version"

step "icons"
QT_QPA_PLATFORM=offscreen "$venv/bin/python" "$here/make_icons.py" --out "$build/icons"

step "PyInstaller"
rm -rf "$dist/tareaid" "$dist/TAREaid.app"
mkdir -p "$build/work" "$dist"
# Run from inside build/ so the checkout itself is not on sys.path: PyInstaller must analyse
# the installed package.
(cd "$build" && TAREAID_ICON_DIR="$build/icons" "$venv/bin/pyinstaller" --noconfirm --clean \
  --log-level WARN --distpath "$dist" --workpath "$build/work" "$here/tareaid.spec")
app="$dist/tareaid/tareaid"
[[ -x "$app" ]] || fail "PyInstaller did not produce $app"
built=$(date +%s)

smoke() {
  step "smoke test of the frozen binary"
  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tareaid-smoke.XXXXXX")
  # A throw-away home, so the smoke test never reads or writes the builder's own database.
  local -a env=(env -u TAREAID_DB HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"
    XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache")
  mkdir -p "$tmp/home"
  local out

  local resources
  resources=$(dirname "$app")/_internal/tareaid/resources
  [[ -d "$resources" ]] || resources=$(dirname "$app")/../Resources/tareaid/resources
  for file in licenses/THIRD-PARTY-NOTICES.txt licenses/LGPL-3.0.txt help/index.html \
    i18n/tareaid_zh_CN.qm i18n/tareaid_en.qm; do
    [[ -s "$resources/$file" ]] || fail "the build lacks tareaid/resources/$file"
  done
  echo "ok  licences, help pages and translations are in the build"

  out=$("${env[@]}" "$app" --version) || fail "--version exited non-zero"
  grep -q "TAREaid $version" <<<"$out" || fail "--version printed: $out"
  echo "ok  --version: ${out//$'\n'/; }"

  "${env[@]}" QT_QPA_PLATFORM=offscreen timeout 120 "$app" --smoke --db "$tmp/fresh.sqlite3" ||
    fail "--smoke on a fresh database"
  [[ -s "$tmp/fresh.sqlite3" ]] || fail "--smoke did not create the database"
  echo "ok  --smoke on a fresh database"

  out=$("${env[@]}" LANG=zh_CN.UTF-8 LANGUAGE=zh_CN QT_QPA_PLATFORM=offscreen timeout 120 \
    "$app" -v --smoke --db "$tmp/fresh.sqlite3" 2>&1) || fail "--smoke in Chinese"
  grep -q "interface language: zh_CN" <<<"$out" || fail "--smoke in Chinese: not in Chinese"
  if grep -q "catalogue is not installed" <<<"$out"; then
    fail "the build lacks Qt's own Chinese catalogue (qtbase_zh_CN.qm)"
  fi
  echo "ok  --smoke with a Chinese system language"

  "${env[@]}" timeout 120 "$app" demo --db "$tmp/demo.sqlite3" >/dev/null || fail "demo"
  local ref
  ref=$("${env[@]}" "$app" list --db "$tmp/demo.sqlite3" --json |
    "$venv/bin/python" -c '
import json, sys
refs = [row["reference"] for row in json.load(sys.stdin)]
print("DEMO-01" if "DEMO-01" in refs else (refs[0] if refs else ""))') ||
    fail "list --json"
  [[ -n "$ref" ]] || fail "demo added no cases"
  echo "ok  demo cases added"

  "${env[@]}" timeout 120 "$app" report "$ref" -o "$tmp/demo.pdf" --db "$tmp/demo.sqlite3" ||
    fail "report $ref"
  [[ "$(head -c 5 "$tmp/demo.pdf")" == "%PDF-" ]] || fail "report $ref is not a PDF"
  tail -c 1024 "$tmp/demo.pdf" | grep -q '%%EOF' || fail "report $ref is truncated"
  echo "ok  report $ref -> $(wc -c <"$tmp/demo.pdf") bytes of PDF"

  "${env[@]}" QT_QPA_PLATFORM=offscreen timeout 120 "$app" --smoke --db "$tmp/demo.sqlite3" ||
    fail "--smoke on the demo database"
  echo "ok  --smoke on the demo database"

  "${env[@]}" timeout 120 "$app" check --db "$tmp/demo.sqlite3" >/dev/null || fail "check"
  "${env[@]}" timeout 120 "$app" backup -o "$tmp/backup.sqlite3" --db "$tmp/demo.sqlite3" \
    >/dev/null || fail "backup"
  "${env[@]}" timeout 120 "$app" check --db "$tmp/backup.sqlite3" >/dev/null ||
    fail "check of the backup"
  echo "ok  check, backup, check of the backup"

  # The PostgreSQL driver is in the build: a server URL gets as far as the network (nothing
  # listens on port 1), not "install psycopg".
  out=$("${env[@]}" timeout 120 "$app" check --db "postgresql://smoke@127.0.0.1:1/tareaid" 2>&1) &&
    fail "check of an unreachable server succeeded"
  grep -q "cannot be reached" <<<"$out" || fail "a server URL did not reach the driver: $out"
  echo "ok  a postgresql:// URL reaches the bundled psycopg"

  if [[ -n "${TAREAID_SMOKE_PG_URL:-}" ]]; then
    "${env[@]}" timeout 120 "$app" demo --db "$TAREAID_SMOKE_PG_URL" >/dev/null || fail "demo on the server"
    "${env[@]}" QT_QPA_PLATFORM=offscreen timeout 120 "$app" --smoke --db "$TAREAID_SMOKE_PG_URL" ||
      fail "--smoke on the server"
    "${env[@]}" timeout 120 "$app" check --db "$TAREAID_SMOKE_PG_URL" >/dev/null || fail "check on the server"
    "${env[@]}" timeout 120 "$app" backup -o "$tmp/server.sqlite3" --db "$TAREAID_SMOKE_PG_URL" \
      >/dev/null || fail "backup of the server"
    "${env[@]}" timeout 120 "$app" check --db "$tmp/server.sqlite3" >/dev/null ||
      fail "check of the server's backup"
    echo "ok  demo, --smoke, check and backup on the PostgreSQL server"
  fi
  rm -rf "$tmp"
}

if [[ "${TAREAID_SKIP_SMOKE:-0}" == 1 ]]; then
  echo "smoke test SKIPPED (TAREAID_SKIP_SMOKE=1)"
else
  smoke
fi

if [[ "$(uname -s)" == Linux ]]; then
  step "licences of the bundled libraries"
  "$venv/bin/python" "$here/system_licences.py" "$dist/tareaid" ||
    fail "a bundled library has no known licence, or its licence text is missing (above)"

  step "oldest glibc the build runs on"
  "$venv/bin/python" "$here/glibc_floor.py" "$dist/tareaid"
  glibc=$("$venv/bin/python" "$here/glibc_floor.py" --quiet "$dist/tareaid")

  step "tarball"
  arch=$(uname -m)
  name="tareaid-$version-linux-$arch"
  rm -rf "$build/stage"
  "$here/linux/stage.sh" "$dist/tareaid" "$build/icons" "$build/stage/$name" "$version" \
    "$arch" "$glibc"
  tar -C "$build/stage" --owner=0 --group=0 --numeric-owner -czf "$dist/$name.tar.gz" "$name"
  echo "$dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1)); needs glibc $glibc or newer"
fi

finished=$(date +%s)
step "done"
echo "one-folder app: $dist/tareaid ($(du -sh "$dist/tareaid" | cut -f1)," \
  "$(find "$dist/tareaid" -type f | wc -l) files)"
echo "PyInstaller took $((built - started)) s including the venv; total $((finished - started)) s"
