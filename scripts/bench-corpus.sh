#!/usr/bin/env bash
# End-to-end throughput of `bangfu run` on what users run: corpora of
# real-length articles (the fixture articles of every set, their .jsonl
# lines and raw/, copied under distinct names and ids, about 2 KB each),
# plus the document shapes that once made it super-linear.
#
#   scripts/bench-corpus.sh [SIZES=1000,10000]          # corpus sizes in articles
#   BANGFU=path/to/bangfu scripts/bench-corpus.sh 20000 # time another binary
#   SHAPES=0 scripts/bench-corpus.sh                    # corpora only
#   THREADS="1 2" scripts/bench-corpus.sh               # thread counts to time
#   JSONL=0 scripts/bench-corpus.sh                     # .txt/.html articles only
#   OUT=/some/dir scripts/bench-corpus.sh               # outputs under a temp folder there
#
# Outputs go to /dev/shm when it exists (else the temp folder): on ext4,
# creating thousands of files right after deleting thousands (the previous
# run's evidence pages) costs up to 1 ms a file while the kernel skips
# recently deleted inodes, which would time the file system, not bangfu.
# `--threads N` is the number of worker threads; the threads that write
# the tables and tables.xlsx come on top, so "1 thread" runs pin the
# process to one core (taskset) to time one core's worth of work.
#
# For every corpus and thread count it prints wall time, MB/s, articles/s,
# peak RSS, the stage totals `bangfu run` reports with BANGFU_TIMINGS=1 and
# the ratio to one ripgrep pass (`rg -c 万元`) over the same files. The
# machine is shared and noisy: compare two binaries as ratios within one
# invocation, never across days.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000,10000}
threads_list=${THREADS:-"1 $(nproc)"}
if [[ -z "${BANGFU:-}" ]]; then
  cargo build --release --quiet
  target=${CARGO_TARGET_DIR:-target}
  BANGFU=$target/release/bangfu
fi
work=$(mktemp -d)
if [[ -n "${OUT:-}" ]]; then
  OUT=$(mktemp -d "$OUT/bangfu-bench.XXXXXX")
elif [[ -d /dev/shm && -w /dev/shm ]]; then
  OUT=$(mktemp -d /dev/shm/bangfu-bench.XXXXXX)
else
  OUT=$work/out
fi
mkdir -p "$OUT"
trap 'rm -rf "$work" "$OUT"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $BANGFU"

# Builds a corpus of $2 articles in folder $1: each fixture .txt/.html and
# raw/ file, and each line of a fixture .jsonl file (as a one-line .jsonl
# with its id made unique), in turn, until there are enough.
make_corpus() {
  python3 - "$1" "$2" <<'EOF'
import glob, json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
sources = []
for pattern in ["tests/fixtures/*/*.txt", "tests/fixtures/*/*.html", "raw/*.txt"]:
    for path in sorted(glob.glob(pattern)):
        with open(path, "rb") as f:
            sources.append((path.rsplit(".", 1)[1], f.read(), None))
for path in sorted(glob.glob("tests/fixtures/*/*.jsonl")) if os.environ.get("JSONL", "1") != "0" else []:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                sources.append(("jsonl", None, json.loads(line)))
# Real-length articles only: leave out the one 90 KB fixture (a shape of its own).
sources = [s for s in sources if s[1] is None or len(s[1]) < 20000]
for i in range(n):
    ext, data, record = sources[i % len(sources)]
    name = os.path.join(out, f"doc{i:07d}.{ext}")
    if record is not None:
        record = dict(record, id=f"{record.get('id', 'line')}-{i}")
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    with open(name, "wb") as f:
        f.write(data)
EOF
}

# Times one run; prints one line of figures and the stage totals.
time_run() { # label input threads docs
  local label=$1 input=$2 threads=$3 docs=$4
  local bytes
  bytes=$(du -sb --apparent-size "$input" | cut -f1)
  local out="$OUT/run$((++RUNS))"
  local pin=()
  # One worker thread runs on one core; more use every core.
  if [[ "$threads" == 1 ]] && command -v taskset > /dev/null; then pin=(taskset -c 0); fi
  BANGFU_TIMINGS=1 /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
    "${pin[@]}" "$BANGFU" run --quiet --threads "$threads" --input "$input" --output "$out" \
    2> "$work/stderr" || true
  read -r secs kb user sys < <(tail -n 1 "$work/time") # after any "exited with status" line
  awk -v l="$label" -v n="$docs" -v b="$bytes" -v s="$secs" -v kb="$kb" -v t="$threads" -v rg="${RG_SECS:-0}" -v cpu="$(awk -v u="$user" -v y="$sys" 'BEGIN{print u+y}')" \
    'BEGIN { printf "%-24s threads %d: %7.2f s  %7.2f MB/s  %8.0f articles/s  %6.2f s CPU  peak RSS %5.0f MB", l, t, s, b/s/1e6, n/s, cpu, kb/1024;
             if (rg > 0) printf "  %.0fx one rg pass", s/rg; printf "\n" }'
  grep '^bangfu: timings' "$work/stderr" | sed 's/^/    /' || true
  rm -rf "$out"
}
RUNS=0

IFS=, read -ra sizes_arr <<< "$sizes"
for n in "${sizes_arr[@]}"; do
  rm -rf "$work/in"
  make_corpus "$work/in" "$n"
  bytes=$(du -sb --apparent-size "$work/in" | cut -f1)
  echo "corpus: $n articles, $bytes bytes ($(awk -v b="$bytes" -v n="$n" 'BEGIN{printf "%.0f", b/n}') bytes/article)"
  RG_SECS=0
  if command -v rg > /dev/null; then
    rg -c '万元' "$work/in" > /dev/null || true # warm the page cache
    start=$(date +%s.%N)
    rg -j1 -c '万元' "$work/in" > /dev/null || true
    RG_SECS=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
    awk -v s="$RG_SECS" -v b="$bytes" 'BEGIN{printf "rg -j1 -c 万元: %.3f s, %.0f MB/s\n", s, b/s/1e6}'
  fi
  for t in $threads_list; do
    time_run "corpus $n" "$work/in" "$t" "$n"
  done
done

[[ "${SHAPES:-1}" == 0 ]] && exit 0
# The shapes: one 1 MB line of amounts; one 1 MB article of ordinary
# sentences (the fixture articles' bodies one after another); 100,000
# articles of 200 bytes.
rm -rf "$work/shape" && mkdir -p "$work/shape/amounts" "$work/shape/prose" "$work/shape/tiny"
python3 - "$work/shape" <<'EOF'
import glob, os, sys
out = sys.argv[1]
unit = "投入帮扶资金500万元，"
line = unit * (1_000_000 // len(unit.encode("utf-8")))
with open(os.path.join(out, "amounts", "amounts.txt"), "w", encoding="utf-8") as f:
    f.write("一行金额\n2020年1月1日\n" + line + "\n")
bodies = []
for path in sorted(glob.glob("tests/fixtures/*/*.txt")):
    text = open(path, encoding="utf-8", errors="replace").read()
    lines = text.splitlines()[2:]
    bodies.append("\n".join(l for l in lines if l.strip()))
body, i = [], 0
while sum(len(b.encode("utf-8")) for b in body) < 1_000_000:
    body.append(bodies[i % len(bodies)]); i += 1
with open(os.path.join(out, "prose", "prose.txt"), "w", encoding="utf-8") as f:
    f.write("一篇长文\n2020年1月1日\n" + "\n".join(body) + "\n")
short = "宁波市向黔西南州投入帮扶资金1800万元，选派干部9名到某县挂职，建设茶叶加工厂。"
for k in range(100_000):
    d = os.path.join(out, "tiny", f"{k // 1000:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"t{k:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"短讯{k}\n2020年1月1日\n{short}\n")
EOF
time_run "1 MB line of amounts" "$work/shape/amounts" 1 1
time_run "1 MB ordinary article" "$work/shape/prose" 1 1
for t in $threads_list; do
  time_run "100k x 200 B articles" "$work/shape/tiny" "$t" 100000
done
