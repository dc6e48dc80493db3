"""Benchmark the news parser (plugins/mitimeline-news): quality and speed.

1. Quality, on material the plugin's authors did not write first: ``find_dates`` on the
   TIMEX gold corpora of ``../shared/corpora/timex`` (their own ``score.py``: extent and
   value F1 of DATE expressions; goals: English >= 0.90 both, German news value >= 0.80
   and extent >= 0.85), and events (kind, both date bounds within a day) on the labelled
   reports of ``../shared/corpora/news`` per language (goal F1 >= 0.75); then the
   plugin's own answer keys, without goals. All through ``mitimeline_news.evaluation``.
2. First-call cost, in fresh processes: ``import mitimeline`` plus listing the formats
   (which imports the plugin), then the first parse (dateparser and the gazetteer load),
   then a second parse. Goal: the first parse <= 1 s.
3. Warm throughput: reports per second, each report parsed as if new (the per-sentence
   caches are cleared before each one; dateparser's phrase cache is kept, as it would be
   in a long-running process), in one process, after one untimed pass, best of the
   rounds. Goal: >= 100 reports/s on one core.

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

GOAL = 100.0
FIRST_GOAL = 1.0
DATE_GOALS = {("meantime-en", "annotated part (first six lines)"): (0.90, 0.90),
              ("krauts-dev", "official"): (0.80, 0.85)}
"""(value F1, extent F1) goals per TIMEX corpus and part; WikiWarsDE has none (its DCT is
the download date, so relative values can't be right). MEANTIME's goal is on the part its
gold annotates (the first six lines of each document): on whole documents every real date
further down counts against the tagger, so that row is shown without a goal."""
EVENT_GOAL = 0.75
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
    """The labelled reports that can be read, as (bytes, options): the plugin's key files
    named in ``names``, and the shared labelled reports when ``"shared"`` is named."""
    from mitimeline_news.evaluation import (
        DEFAULT_CORPORA,
        DEFAULT_KEYS,
        DEFAULT_SEEDS,
        load_corpus,
        load_keys,
    )

    reports = load_keys([path for path in DEFAULT_KEYS if path.stem in names])
    if "shared" in names and (DEFAULT_CORPORA / "news").is_dir():
        reports += load_corpus(DEFAULT_CORPORA / "news")
    result: Corpus = []
    for report in reports:
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


def quality() -> list[Row]:
    """Dates on each TIMEX corpus and events per language on the shared reports (with
    goals), then the plugin's own sets (without); nothing for material that is absent."""
    from mitimeline_news.evaluation import (
        DEFAULT_CORPORA,
        DEFAULT_KEYS,
        evaluate,
        load_corpus,
        load_keys,
        score_dates,
        scores,
    )

    rows = []
    if (DEFAULT_CORPORA / "timex" / "score.py").is_file():
        for result in score_dates():
            goals = DATE_GOALS.get((result.corpus, result.part))
            part = "" if result.part == "official" else f", {result.part}"
            for label, figures, goal in (("value", result.value, goals and goals[0]),
                                         ("extent", result.extent, goals and goals[1])):
                rows.append(_f1_row(f"find_dates {label} F1, {result.corpus}{part} "
                                    f"({result.language}, {result.documents} docs)",
                                    figures, goal))
    sets = []
    if (DEFAULT_CORPORA / "news").is_dir():
        sets.append(("shared reports", load_corpus(DEFAULT_CORPORA / "news"), EVENT_GOAL))
    sets += [(f"own {path.stem}", load_keys([path]), None) for path in DEFAULT_KEYS]
    for name, reports, goal in sets:
        by_language = scores(evaluate(reports))
        for language in ("en", "de", "it"):
            if language in by_language:
                score = by_language[language]
                rows.append(_f1_row(f"news events F1, {name}, {language}",
                                    (score.precision, score.recall, score.f1), goal))
    return rows


def _f1_row(figure: str, prf: tuple[float, float, float], goal: float | None) -> Row:
    precision, recall, f1 = prf
    return Row(figure, f1, shown=f"F1 {f1:.3f}", goal=f"F1 ≥ {goal:.2f}" if goal else "",
               met=None if goal is None else f1 >= goal,
               note=f"P {precision:.3f}, R {recall:.3f}")


def measure(rounds: int = 20, runs: int = 5) -> list[Row]:
    """Quality rows, warm throughput of each corpus (goal: GOAL reports/s) and the
    first-call cost in fresh processes (goal: FIRST_GOAL s). Raises ImportError when
    mitimeline-news is not installed."""
    import mitimeline_news  # noqa: F401

    rows = quality()
    for label, names in (("shared reports", ("shared",)),
                         ("own full reports", ("seeds", "articles")),
                         ("own short sentences", ("sentences",))):
        reports = corpus(names)
        if not reports:
            continue
        rate, size = throughput(reports, rounds)
        rows.append(Row(f"mitimeline-news, {label} (~{size:,} characters), warm", 1 / rate,
                        goal=f"≥ {GOAL:g} reports/s", met=rate >= GOAL,
                        note=f"{rate:,.0f} reports/s over {len(reports)} reports, "
                             f"best of {rounds} rounds, one process"))
    (_, imported), (_, first), (_, second) = first_call(runs)
    rows.append(Row("mitimeline-news, first parse in a fresh process", first,
                    "second parse", second, goal=f"≤ {FIRST_GOAL:g} s",
                    met=first <= FIRST_GOAL,
                    note=f"median of {runs} processes; import + list formats before it "
                         f"{seconds(imported)}"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the corpus")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for first-call")
    parser.add_argument("--misses", action="store_true",
                        help="first print every miss (python -m mitimeline_news.evaluation "
                             "--misses)")
    parser.add_argument("--smoke", action="store_true", help="tiny run; always exits 0")
    args = parser.parse_args()
    try:
        from mitimeline_news.evaluation import main as evaluation
    except ImportError as exc:
        print(f"mitimeline-news is not installed ({exc}): pip install -e plugins/mitimeline-news")
        return 0 if args.smoke else 1
    if args.misses:
        evaluation(["--no-dates", "--misses"])
        print()
    rows = measure(*((1, 1) if args.smoke else (args.rounds, args.runs)))
    print_rows(rows)
    return 0 if args.smoke or not missed(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
