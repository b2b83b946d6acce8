#!/usr/bin/env bash
# Zensical (mkdocs-material's successor) against MkDocs on the same generated Markdown.
# Usage: bash bench/zensical.sh [KAB KEC YEARS]   (default: the 1x21x5 synthetic portal)
# Zensical is installed in a throw-away venv; it is not a dependency of the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
KAB=${1:-1} KEC=${2:-21} TAHUN=${3:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
.venv/bin/kinerja demo "$WORK/content" --kabupaten "$KAB" --kecamatan "$KEC" --tahun "$TAHUN" >/dev/null
.venv/bin/kinerja build --content "$WORK/content" --site "$WORK/site-mkdocs" --work "$WORK/work" | tail -1
SHARD="$WORK/work/shard/sintetis-01"   # the kabupaten's shard: its mkdocs.yml and docs
python3 -m venv "$WORK/zvenv" && "$WORK/zvenv/bin/pip" install --quiet zensical==0.0.73   # newer releases need zensical-ui, not installable here (2026-12-01)
echo "MkDocs (strict, same docs):"
/usr/bin/time -f "  %e s wall, %M KB peak" .venv/bin/mkdocs build -q -f "$SHARD/mkdocs.yml" -d "$WORK/mk"
echo "Zensical:"
( cd "$SHARD" && PYTHONPATH="$OLDPWD" /usr/bin/time -f "  %e s wall, %M KB peak" "$WORK/zvenv/bin/zensical" build -f mkdocs.yml )   # into $SHARD/site (a throw-away copy)
echo "HTML pages: MkDocs $(find "$WORK/mk" -name '*.html' | wc -l), Zensical $(find "$SHARD/site" -name '*.html' | wc -l)"
