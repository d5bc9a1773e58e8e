#!/usr/bin/env bash
# Peak memory of `bangfu run` as the corpus grows, and the scale-out checks
# on the largest corpus: shards 0/2 + 1/2 merged equal the unsharded run
# file for file, and `bangfu extract` over the corpus as JSON Lines gives
# the unsharded run's rows. Corpora are made as scripts/bench-run.sh makes
# them (the fixture articles and the seed copied under distinct names).
#
#   scripts/bench-scale.sh [N...]        # default: 2000 20000
#   BANGFU=path/to/bangfu scripts/bench-scale.sh 2000 20000 200000
#   SCALE_CHECKS=0 ...                   # memory only, skip the equality checks
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
(( ${#sizes[@]} )) || sizes=(2000 20000)
if [[ -z "${BANGFU:-}" ]]; then
  cargo build --release --quiet
  BANGFU=target/release/bangfu
fi
bin=$(realpath "$BANGFU")
work=${SCALE_WORK:-$(mktemp -d)}
[[ -n "${SCALE_WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
sources=(tests/fixtures/articles/*.txt tests/fixtures/articles/*.html raw/*.txt)
echo "$(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p'); $("$bin" --version)"

corpus() { # corpus N -> $work/in-N: the sources copied in turn, doc0000000.txt, ...
  [[ -d $work/in-$1 ]] && return
  python3 - "$work/in-$1" "$1" "${sources[@]}" <<'EOF'
import os, sys
dst, n, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
data = [(open(s, "rb").read(), s.rsplit(".", 1)[1]) for s in sources]
os.makedirs(dst + ".tmp")
for i in range(n):
    body, ext = data[i % len(data)]
    with open(f"{dst}.tmp/doc{i:07d}.{ext}", "wb") as f:
        f.write(body)
os.rename(dst + ".tmp", dst)
EOF
}

measure() { # measure LABEL CMD... -> prints wall and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" || true
  read -r secs kb < "$work/time"
  awk -v l="$label" -v s="$secs" -v kb="$kb" 'BEGIN { printf "%s: %.1f s, peak RSS %.0f MB\n", l, s, kb/1024 }'
}

for n in "${sizes[@]}"; do
  corpus "$n"
  bytes=$(du -sb "$work/in-$n" | cut -f1)
  measure "run, $n documents ($((bytes / 1000000)) MB)" \
    "$bin" run --quiet --input "$work/in-$n" --output "$work/out-$n"
done

[[ "${SCALE_CHECKS:-1}" == 1 ]] || exit 0
n=${sizes[-1]}
in=$work/in-$n
whole=$work/out-$n
measure "shard 0/2" "$bin" run --quiet --shard 0/2 --input "$in" --output "$work/s0"
measure "shard 1/2" "$bin" run --quiet --shard 1/2 --input "$in" --output "$work/s1"
measure "merge" "$bin" merge --quiet "$work/s0" "$work/s1" --output "$work/merged"
for t in documents funds exchanges projects rejects validation provenance; do
  a=$( (tail -n +2 "$work/s0/$t.csv"; tail -n +2 "$work/s1/$t.csv") | LC_ALL=C sort | sha256sum)
  b=$(tail -n +2 "$whole/$t.csv" | LC_ALL=C sort | sha256sum)
  [[ $t == validation || $t == provenance || $a == "$b" ]] || { echo "shard union differs: $t"; exit 1; }
done
echo "shard union: every table's rows equal the unsharded run's"
diff -r "$whole" "$work/merged" >/dev/null || { echo "merge differs from the unsharded run"; exit 1; }
echo "merge: every file byte-identical to the unsharded run's"

# The corpus as JSON Lines, each article with its file name as id.
python3 - "$in" "$work/jsonl/corpus.jsonl" <<'EOF'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(dst), exist_ok=True)
with open(dst, "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            try:  # JSON Lines are UTF-8: the GBK and Big5 copies stay out
                text = open(os.path.join(src, name), encoding="utf-8").read()
            except UnicodeDecodeError:
                continue
            out.write(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n")
EOF
measure "run over corpus.jsonl" "$bin" run --quiet --input "$work/jsonl" --output "$work/out-jsonl"
measure "extract < corpus.jsonl" sh -c "'$bin' extract --source corpus.jsonl < '$work/jsonl/corpus.jsonl' > '$work/rows.jsonl'"
python3 - "$work/rows.jsonl" "$work/out-jsonl" <<'EOF'
import csv, json, sys
rows, processed = sys.argv[1], sys.argv[2]
streamed = {}
with open(rows, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        streamed.setdefault(r.pop("table"), []).append(r)
def cell(v):
    return "" if v is None else str(v)
for table in ["documents", "funds", "exchanges", "projects"]:
    with open(f"{processed}/{table}.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        ran = sorted(tuple(r[c] for c in header) for r in reader)
    def norm(r):
        return tuple(
            repr(float(r[c])) if c == "confidence" else cell(r[c]) for c in header
        )
    ran = sorted(tuple(repr(float(v)) if c == "confidence" else v for c, v in zip(header, r)) for r in ran)
    got = sorted(norm(r) for r in streamed.get(table, []))
    if got != ran:
        print(f"extract differs from run: {table} ({len(got)} vs {len(ran)} rows)")
        sys.exit(1)
    print(f"extract: {table} {len(got)} rows equal to run's")
EOF
