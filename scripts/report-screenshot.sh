#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of report.html: a run over the
# fixture articles (tests/fixtures/articles: several pairs and years) into a
# temporary folder, then a screenshot by headless Chromium (Debian's
# `chromium`; set CHROMIUM to use another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-chromium}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/input"
cp tests/fixtures/articles/*.txt tests/fixtures/articles/*.html tests/fixtures/articles/*.jsonl "$out/input/" 2>/dev/null || true
cargo run --quiet -- run --quiet --input "$out/input" --output "$out/processed"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$out/profile" --window-size=1200,2200 \
  --screenshot="$PWD/docs/report.png" "file://$out/processed/report.html"
echo "wrote docs/report.png"
