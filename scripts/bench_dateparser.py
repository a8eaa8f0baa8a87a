#!/usr/bin/env python3
"""Side-by-side speed of vigie-time and Python's dateparser on the same texts.

Runs `cargo run --release -p vigie-time --example bench_corpus -- DIR N`,
which writes DIR/fr.txt and DIR/en.txt (one news-like paragraph per line)
and prints vigie's throughput on them; then times dateparser's
`search_dates(text, languages=[lang])` on the very same lines and prints
both, with the speed ratio.

Usage: scripts/bench_dateparser.py [--n 200] [--dir /tmp/vigie-time-bench]
Needs: pip install dateparser
"""

import argparse
import json
import os
import subprocess
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="paragraphs per language (default 200)")
    ap.add_argument("--dir", default="/tmp/vigie-time-bench", help="where the texts are written")
    args = ap.parse_args()

    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is missing: pip install dateparser", file=sys.stderr)
        return 2

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cmd = ["cargo", "run", "-q", "--release", "-p", "vigie-time", "--example", "bench_corpus", "--", args.dir, str(args.n)]
    out = subprocess.run(cmd, cwd=root, check=True, capture_output=True, text=True).stdout
    vigie = {r["lang"]: r for r in (json.loads(l) for l in out.splitlines() if l.strip())}

    rows = []
    for lang in ("fr", "en"):
        with open(os.path.join(args.dir, f"{lang}.txt"), encoding="utf-8") as f:
            texts = [l.rstrip("\n") for l in f if l.strip()]
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        search_dates("warm up", languages=[lang])
        start = time.perf_counter()
        found = 0
        for t in texts:
            r = search_dates(t, languages=[lang])
            found += len(r) if r else 0
        secs = time.perf_counter() - start
        dp = {"engine": "dateparser", "lang": lang, "texts": len(texts), "bytes": nbytes, "found": found,
              "seconds": round(secs, 6), "expr_per_s": round(found / secs, 1), "mb_per_s": round(nbytes / secs / 1e6, 4)}
        v = vigie[lang]
        rows.append((v, dp))
        print(json.dumps(v))
        print(json.dumps(dp))
        print(f"{lang}: vigie {v['mb_per_s']:.3f} MB/s, dateparser {dp['mb_per_s']:.4f} MB/s, "
              f"ratio {v['mb_per_s'] / dp['mb_per_s']:.0f}x (bytes/s); "
              f"found {v['found']} vs {dp['found']} expressions in {len(texts)} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
