#!/usr/bin/env bash
# Two (or more) bangfu binaries on one corpus, alternately, so that they
# share whatever else the machine is doing: for each repetition and each
# binary, one worker pinned to one core (taskset -c 0), then two workers.
# Compare the binaries as ratios within one invocation.
#
#   scripts/bench-ab.sh CORPUS BANGFU_A BANGFU_B [...]     # REPS=2 by default
#
# Outputs go to /dev/shm when it exists (see bench-corpus.sh for why) and
# are deleted after each run.
set -euo pipefail
corpus=$1
shift
out_root=/dev/shm
[[ -d $out_root && -w $out_root ]] || out_root=${TMPDIR:-/tmp}
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for rep in $(seq "${REPS:-2}"); do
  for bin in "$@"; do
    for threads in 1 2; do
      pin=()
      if [[ $threads == 1 ]] && command -v taskset > /dev/null; then pin=(taskset -c 0); fi
      out=$(mktemp -d "$out_root/bangfu-ab.XXXXXX")
      /usr/bin/time -f "$bin threads $threads rep $rep: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
        "${pin[@]}" "$bin" run --quiet --threads "$threads" --input "$corpus" --output "$out/run" 2>&1 | tail -n 1
      rm -rf "$out"
    done
  done
done
