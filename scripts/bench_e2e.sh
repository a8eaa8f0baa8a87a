#!/usr/bin/env bash
# End-to-end benchmark of `vigie extract` on a generated corpus.
#
#   scripts/bench_e2e.sh [DOCS] [RUNS]        (defaults: 10000 documents, 5 runs)
#
# Generates a deterministic corpus with `vigie gen-corpus` (seed 1, French and
# English, JSON Lines), builds the release binary, and measures:
#   - `vigie extract` wall time with -j1 and -j2 (median of RUNS; hyperfine
#     when installed, else repeated timed runs), MB/s of article text and
#     documents/s, and the 1 -> 2 thread speed-up;
#   - peak RSS (/usr/bin/time -v) at -j2 on the corpus and on a corpus twice
#     as large (memory must not grow with the input);
#   - start-up: `vigie extract` on one tiny file (resources and gazetteer
#     loaded), median of 20 runs;
#   - with DATEPARSER=1 and Python's dateparser installed: `vigie time` and
#     dateparser's search_dates on the same paragraphs, side by side.
# Prints a Markdown table. Set CARGO_TARGET_DIR to reuse a build; set
# VIGIE=/path/to/vigie to skip the build.
set -euo pipefail

DOCS=${1:-10000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

if [[ -z "${VIGIE:-}" ]]; then
    (cd "$ROOT" && cargo build --release --quiet -p vigie-cli)
    VIGIE=$CARGO_TARGET_DIR/release/vigie
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

CORPUS=$WORK/corpus.jsonl
BIG=$WORK/corpus2x.jsonl
"$VIGIE" gen-corpus --docs "$DOCS" --seed 1 --out "$CORPUS" 2>/dev/null
"$VIGIE" gen-corpus --docs $((DOCS * 2)) --seed 1 --out "$BIG" 2>/dev/null

# Article text bytes as the pipeline counts them (the JSON wrapping excluded).
"$VIGIE" extract -q -j2 "$CORPUS" -o /dev/null --report "$WORK/report.json"
TEXT_BYTES=$(jq .bytes "$WORK/report.json")
PROCESSED=$(jq .processed "$WORK/report.json")
EVENTS=$(jq .events "$WORK/report.json")

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Median wall time in seconds of a shell command line, RUNS runs after one
# warm-up.
wall() {
    local runs=$1 cmd=$2
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$runs" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
        jq '.results[0].median' "$WORK/h.json"
    else
        bash -c "$cmd" >/dev/null 2>&1 || true
        for _ in $(seq "$runs"); do
            local t0 t1
            t0=$(date +%s.%N); bash -c "$cmd" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
            echo "$t1 - $t0" | bc -l
        done | median
    fi
}

# Peak resident set size in MB.
peak_rss() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}'
}

T1=$(wall "$RUNS" "$VIGIE extract -q -j1 $CORPUS -o /dev/null")
T2=$(wall "$RUNS" "$VIGIE extract -q -j2 $CORPUS -o /dev/null")
RSS1=$(peak_rss "$VIGIE" extract -q -j1 "$CORPUS" -o /dev/null)
RSS2=$(peak_rss "$VIGIE" extract -q -j2 "$CORPUS" -o /dev/null)
RSS2X=$(peak_rss "$VIGIE" extract -q -j2 "$BIG" -o /dev/null)

printf 'Une frappe de drone a visé mardi une base près de Bagdad.\n' >"$WORK/tiny.txt"
TS=$(wall 20 "$VIGIE extract -q -j1 $WORK/tiny.txt -o /dev/null")
RSS_TINY=$(peak_rss "$VIGIE" extract -q -j1 "$WORK/tiny.txt" -o /dev/null)

mbs() { echo "$TEXT_BYTES / $1 / 1000000" | bc -l | xargs printf '%.2f'; }
dps() { echo "$PROCESSED / $1" | bc -l | xargs printf '%.0f'; }

echo "## vigie extract, end to end"
echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs);" \
    "corpus: $PROCESSED documents, $(echo "$TEXT_BYTES / 1000000" | bc -l | xargs printf '%.1f') MB of text," \
    "$EVENTS events; median of $RUNS runs$(command -v hyperfine >/dev/null && echo ' (hyperfine)')."
echo
echo "| measure | threads | wall (s) | MB/s | docs/s | MB/s per core | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
echo "| extract | 1 | $(printf '%.3f' "$T1") | $(mbs "$T1") | $(dps "$T1") | $(mbs "$T1") | $RSS1 |"
echo "| extract | 2 | $(printf '%.3f' "$T2") | $(mbs "$T2") | $(dps "$T2") | $(echo "$TEXT_BYTES / $T2 / 2000000" | bc -l | xargs printf '%.2f') | $RSS2 |"
echo "| extract, corpus ×2 | 2 | | | | | $RSS2X |"
echo "| start-up (one tiny file) | 1 | $(printf '%.3f' "$TS") | | | | $RSS_TINY |"
echo
echo "Speed-up 1 -> 2 threads: $(echo "$T1 / $T2" | bc -l | xargs printf '%.2f')×"

if [[ "${DATEPARSER:-0}" == 1 ]]; then
    # Same inputs for both: the corpus paragraphs, one per line, per language.
    N=${DATEPARSER_DOCS:-100}
    for lang in fr en; do
        # (head closes the pipe early: not an error)
        { jq -r --arg l "$lang" 'select(.lang == $l) | .text' "$CORPUS" \
            | awk 'NF' | head -n $((N * 5)) >"$WORK/para_$lang.txt"; } || true
    done
    echo
    echo "## time tagging: vigie time vs Python dateparser (search_dates), same paragraphs"
    echo
    echo "| lang | paragraphs | KB | vigie (s) | dateparser (s) | ratio |"
    echo "|---|---:|---:|---:|---:|---:|"
    for lang in fr en; do
        f=$WORK/para_$lang.txt
        lines=$(wc -l <"$f")
        kb=$(( $(wc -c <"$f") / 1000 ))
        tv=$(wall 5 "$VIGIE time --lang $lang --ref 2024-03-05 <$f")
        tp=$(python3 - "$f" "$lang" <<'PY'
import sys, time, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates
path, lang = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
settings = {"RELATIVE_BASE": __import__("datetime").datetime(2024, 3, 5), "PREFER_DATES_FROM": "past"}
search_dates(lines[0], languages=[lang], settings=settings)  # warm-up: loads the language data
t0 = time.perf_counter()
for l in lines:
    search_dates(l, languages=[lang], settings=settings)
print(time.perf_counter() - t0)
PY
)
        echo "| $lang | $lines | $kb | $(printf '%.3f' "$tv") | $(printf '%.2f' "$tp") | $(echo "$tp / $tv" | bc -l | xargs printf '%.0f')× |"
    done
fi
