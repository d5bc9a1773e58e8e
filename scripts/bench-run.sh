#!/usr/bin/env bash
# End-to-end throughput of `bangfu run`: builds a corpus of N articles by
# copying the fixture articles and the seed under distinct names, then times
# one run with 1 thread and one with all threads, and reports documents per
# second, input MB/s and peak memory. Compare runs of one invocation as
# ratios: the machines are shared and noisy.
#
#   scripts/bench-run.sh [N=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
cargo build --release --quiet
bin=target/release/bangfu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
sources=(tests/fixtures/articles/*.txt tests/fixtures/articles/*.html raw/*.txt)
i=0
while (( i < n )); do
  for src in "${sources[@]}"; do
    (( i >= n )) && break
    ext=${src##*.}
    cp "$src" "$work/in/$(printf 'doc%06d' "$i").$ext"
    i=$((i + 1))
  done
done
bytes=$(du -sb "$work/in" | cut -f1)
echo "corpus: $n documents, $bytes bytes; $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"
for threads in 1 "$(nproc)"; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" run --quiet --threads "$threads" --input "$work/in" --output "$work/out" || true
  read -r secs kb < "$work/time"
  awk -v n="$n" -v b="$bytes" -v s="$secs" -v kb="$kb" -v t="$threads" \
    'BEGIN { printf "threads %d: %.2f s, %.0f docs/s, %.2f MB/s, peak RSS %.0f MB\n", t, s, n/s, b/s/1e6, kb/1024 }'
done
