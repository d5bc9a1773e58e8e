#!/usr/bin/env bash
# Instructions executed by two (or more) bangfu binaries on one corpus, one
# worker each, counted by valgrind's callgrind: a figure that other
# tenants' load does not move, unlike wall or CPU time on this shared
# machine (where two runs of one binary differ by 10-30 %). It counts work,
# not time: cache misses, page faults and SIMD width are invisible to it,
# so confirm a change with `scripts/bench-ab.sh` too. Under valgrind the
# CPU features it hides (SHA-NI) make hashing look dearer than it is.
#
#   scripts/bench-instructions.sh CORPUS BANGFU_A BANGFU_B [...]
#
# Keep the corpus small (200 articles take ~15 s a binary under valgrind).
# The binaries run side by side; the counts do not depend on it. Prints
# each binary's total and its ratio to the first, and leaves the callgrind
# files in a temp folder for `callgrind_annotate`.
set -euo pipefail
corpus=$1
shift
command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 2; }
out_root=/dev/shm
[[ -d $out_root && -w $out_root ]] || out_root=${TMPDIR:-/tmp}
work=$(mktemp -d "$out_root/bangfu-instr.XXXXXX")
i=0
for bin in "$@"; do
  i=$((i + 1))
  valgrind --tool=callgrind --callgrind-out-file="$work/$i.callgrind" \
    "$bin" run --quiet --threads 1 --input "$corpus" --output "$work/out$i" > /dev/null 2>&1 &
done
wait
first=
i=0
for bin in "$@"; do
  i=$((i + 1))
  rm -rf "$work/out$i"
  total=$(callgrind_annotate "$work/$i.callgrind" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  first=${first:-$total}
  awk -v b="$bin" -v t="$total" -v f="$first" 'BEGIN { printf "%-40s %15.0f instructions  %.3f of the first\n", b, t, t / f }'
done
echo "callgrind files: $work"
