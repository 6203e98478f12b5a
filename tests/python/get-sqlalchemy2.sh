#!/usr/bin/env bash
# Puts SQLAlchemy 2.0 (pure Python), typing_extensions and aiosqlite into a private folder for the
# tests that run the builder's generated SQLAlchemy code. The packages come from Debian trixie
# through apt (signed lists, kept in the folder; the system's apt sources are not touched) and are
# unpacked with dpkg-deb, not installed. greenlet comes from the system (python3-greenlet).
# Idempotent: does nothing when the folder already imports. Prints the folder to put on PYTHONPATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest="${SQLALCHEMY2_DIR:-$PWD/.cache/sqlalchemy2}"
site="$dest/usr/lib/python3/dist-packages"
py=/usr/bin/python3
check() { PYTHONPATH="$site" "$py" -c 'import sqlalchemy, aiosqlite, greenlet; assert sqlalchemy.__version__.startswith("2.")' >/dev/null 2>&1 && [ -d "$site/sqlalchemy/__pycache__" ]; }
if check; then echo "$site"; exit 0; fi

apt_dir="$dest/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' >"$apt_dir/sources.list"
opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o Debug::NoLocking=1 -qq)
apt-get "${opts[@]}" update >&2
(cd "$apt_dir/debs" && apt-get "${opts[@]}" download python3-sqlalchemy python3-typing-extensions python3-aiosqlite >&2)
for deb in "$apt_dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dest"; done
rm -rf "$apt_dir"
# Debian byte-compiles at install time; unpacked, the modules would be compiled on every import.
"$py" -m compileall -q "$site" >/dev/null || true
if ! check; then
  echo "SQLAlchemy 2 unpacked into $site does not import with $py (greenlet: apt-get install python3-greenlet)" >&2
  exit 1
fi
echo "$site"
