"""Benchmark the news parser (plugins/mitimeline-news): quality and speed.

1. Quality: precision, recall and F1 on (kind, date) over the labelled set (the seed
   reports in ../shared/seeds when present, the written sentences and articles), with
   ``mitimeline_news.evaluation``; ``--misses`` prints every miss.
2. First-call cost, in fresh processes: ``import mitimeline`` plus listing the formats
   (which imports the plugin), then the first parse (dateparser and the gazetteer load),
   then a second parse.
3. Warm throughput: articles per second, each report parsed as if new (the per-sentence
   caches are cleared before each one; dateparser's phrase cache is kept, as it would be
   in a long-running process). Goal: >= 20 articles/s.

Run: python benchmarks/bench_news.py [--rounds 20] [--misses] [--smoke]
(--smoke: one round and one first-call run; exits 0 whatever the figures.)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import Row, missed, print_rows, seconds

GOAL = 20.0
FIRST_CALL = """
import time
t0 = time.perf_counter()
import mitimeline
mitimeline.list_formats()
t1 = time.perf_counter()
mitimeline.loads(TEXT, "news", language="en", published="2020-10-05")
t2 = time.perf_counter()
mitimeline.loads(TEXT.replace("Monday", "Tuesday"), "news", language="en",
                 published="2020-10-05")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""
SAMPLE = ("Filming resumed on Monday in Norway, the studio said. Last month, the crew "
          "filmed a stunt. The film is set to arrive in cinemas on November 19, 2021.")


def first_call(runs: int) -> list[tuple[str, float]]:
    """Median seconds of: import + list formats, first parse, second parse."""
    code = f"TEXT = {SAMPLE!r}\n" + FIRST_CALL
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout
        samples.append([float(x) for x in out.split()])
    names = ("import mitimeline + list formats", "first parse (loads dateparser, gazetteer)",
             "second parse")
    return [(name, statistics.median(s[i] for s in samples)) for i, name in enumerate(names)]


Corpus = list[tuple[bytes, dict[str, object]]]


def corpus(names: tuple[str, ...]) -> Corpus:
    """The labelled reports of the named key files that can be read: (bytes, options)."""
    from mitimeline_news.evaluation import DEFAULT_KEYS, DEFAULT_SEEDS, load_keys

    result: Corpus = []
    for report in load_keys([path for path in DEFAULT_KEYS if path.stem in names]):
        if report.text is not None:
            data = report.text.encode()
        elif (DEFAULT_SEEDS / str(report.file)).is_file():
            data = (DEFAULT_SEEDS / str(report.file)).read_bytes()
        else:
            continue
        result.append((data, {"language": report.language, "published": report.published,
                              "production": report.production}))
    return result


def throughput(reports: Corpus, rounds: int) -> tuple[float, int]:
    """(articles per second, characters per article), best round of ``rounds``."""
    from mitimeline_news import dates, places, warm_up

    import mitimeline

    warm_up()
    for data, options in reports:  # one pass so every code path has run once
        mitimeline.loads(data, "news", **options)
    best = float("inf")
    for _ in range(rounds):
        elapsed = 0.0
        for data, options in reports:
            dates._find_cached.cache_clear()
            places._find_cached.cache_clear()
            start = time.perf_counter()
            mitimeline.loads(data, "news", **options)
            elapsed += time.perf_counter() - start
        best = min(best, elapsed)
    size = sum(len(data) for data, _ in reports) // len(reports)
    return len(reports) / best, size


def measure(rounds: int = 20, runs: int = 5) -> list[Row]:
    """Warm throughput of each corpus (goal: GOAL articles/s) and the first-call cost in
    fresh processes. Raises ImportError when mitimeline-news is not installed."""
    import mitimeline_news  # noqa: F401

    rows = []
    for label, names in (("full reports", ("seeds", "articles")),
                         ("short sentences", ("sentences",))):
        reports = corpus(names)
        if not reports:
            continue
        rate, size = throughput(reports, rounds)
        rows.append(Row(f"mitimeline-news, {label} (~{size:,} characters), warm", 1 / rate,
                        goal=f"≥ {GOAL:g} articles/s", met=rate >= GOAL,
                        note=f"{rate:,.0f} articles/s over {len(reports)} reports, "
                             f"best of {rounds} rounds"))
    (_, imported), (_, first), (_, second) = first_call(runs)
    rows.append(Row("mitimeline-news, first parse in a fresh process", first,
                    "second parse", second,
                    note=f"median of {runs} processes; import + list formats before it "
                         f"{seconds(imported)}"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the corpus")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for first-call")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--smoke", action="store_true", help="tiny run; always exits 0")
    args = parser.parse_args()
    try:
        from mitimeline_news.evaluation import DEFAULT_KEYS, evaluate, load_keys, report_text
    except ImportError as exc:
        print(f"mitimeline-news is not installed ({exc}): pip install -e plugins/mitimeline-news")
        return 0 if args.smoke else 1

    text = report_text(evaluate(load_keys(DEFAULT_KEYS)))
    lines = text.splitlines()
    print("== quality: precision, recall, F1 on (kind, date)")
    print("\n".join(lines if args.misses else lines[:lines.index(next(
        line for line in lines if line.endswith("skipped"))) + 1]))
    print("\n== speed")
    rows = measure(*((1, 1) if args.smoke else (args.rounds, args.runs)))
    print_rows(rows)
    return 0 if args.smoke or not missed(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
