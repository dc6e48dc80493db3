"""The printed tables: dates per TIMEX corpus, events per set and language, and misses.

Counts are printed as numbers of events, a half match adding a half to each (``19.5``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .keys import Report
from .scoring import Outcome, scores
from .timex import DateScore

__all__ = ["assumption_note", "date_table", "event_table", "misses_text", "report_text"]

_LANGUAGES = ("en", "de", "it")


def date_table(results: Sequence[DateScore]) -> str:
    """One row per corpus (a second, starred, for a corpus's annotated part): extent
    (overlap) and value P/R/F1."""
    lines = [f"{'corpus':<14} {'lang':<4} {'docs':>4}   {'extent P':>8} {'R':>6} {'F1':>6}"
             f"   {'value P':>7} {'R':>6} {'F1':>6}"]
    parts = []
    for result in results:
        (ep, er, ef), (vp, vr, vf) = result.extent, result.value
        name = result.corpus if result.part == "official" else result.corpus + "*"
        lines.append(f"{name:<14} {result.language:<4} {result.documents:>4}   "
                     f"{ep:8.3f} {er:6.3f} {ef:6.3f}   {vp:7.3f} {vr:6.3f} {vf:6.3f}")
        if result.part != "official":
            parts.append(f"* {result.corpus}: {result.part}, the lines its gold covers")
    return "\n".join(lines + parts)


def event_table(sets: Sequence[tuple[str, list[Outcome]]]) -> str:
    """One row per set and language (then the set's total over its languages; sets are
    never pooled): P/R/F1, the counts and the half matches among them."""
    lines = [f"{'set':<30} {'lang':<4} {'reports':>7} {'P':>6} {'R':>6} {'F1':>6} "
             f"{'TP':>5} {'FP':>5} {'FN':>5} {'half':>4}"]
    for name, outcomes in sets:
        figures = scores(outcomes)
        for language in [*_LANGUAGES, "all"]:
            if language not in figures:
                continue
            score = figures[language]
            read = [o for o in outcomes if not o.skipped
                    and (language == "all" or o.report.language == language)]
            halves = sum(len(o.halves) for o in read)
            lines.append(f"{name:<30} {language:<4} {len(read):>7} {score.precision:6.3f} "
                         f"{score.recall:6.3f} {score.f1:6.3f} "
                         f"{_count(score.true_positives):>5} {_count(score.false_positives):>5} "
                         f"{_count(score.false_negatives):>5} {halves:>4}")
        skipped = [o for o in outcomes if o.skipped]
        if skipped:
            lines.append(f"{name:<30} {len(skipped)} report(s) skipped: {skipped[0].skipped}")
    return "\n".join(lines)


def assumption_note(name: str, reports: Sequence[Report]) -> str | None:
    """The line that says which reports of set ``name`` are scored with a publication date
    their key assumes (and that they are scored without it too); ``None`` when none is."""
    assumed = [f"{report.id} ({report.published})" for report in reports
               if report.published_assumed]
    if not assumed:
        return None
    return (f"{name}: the key assumes a publication date for {len(assumed)} undated "
            f"report(s): {', '.join(assumed)}; scored with it, and again without it as "
            f"'{name}, no assumed dates'")


def _count(value: float) -> str:
    return f"{value:g}"


def misses_text(outcomes: Sequence[Outcome]) -> str:
    """Every missed expected event and every extra event, report by report."""
    lines: list[str] = []
    for outcome in outcomes:
        if outcome.skipped:
            lines.append(f"\n{outcome.report.id}: skipped ({outcome.skipped})")
            continue
        if not outcome.missed and not outcome.extra and not outcome.halves:
            continue
        lines.append(f"\n{outcome.report.id}:")
        for expected in outcome.missed:
            lines.append(f"  missed  {expected.kind:<12} {expected.when}  "
                         f"{expected.evidence[:90]}")
        for expected, event in outcome.halves:
            lines.append(f"  half    {expected.kind:<12} {event.when} (expected "
                         f"{expected.when}: other qualifiers)  {expected.evidence[:70]}")
        for event in outcome.extra:
            lines.append(f"  extra   {event.kind:<12} {event.when}  "
                         f"[{event.extra['date_text']}] {event.extra['evidence'][:90]}")
    return "\n".join(lines)


def report_text(outcomes: list[Outcome], *, misses: bool = True) -> str:
    """The table of one key file (per language and ``all``) and, unless ``misses`` is
    false, its misses."""
    lines = [f"{'set':<6} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name, score in sorted(scores(outcomes).items(), key=lambda kv: kv[0] != "all"):
        lines.append(f"{name:<6} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{_count(score.true_positives):>5} {_count(score.false_positives):>5} "
                     f"{_count(score.false_negatives):>5}")
    read = [o for o in outcomes if not o.skipped]
    halves = sum(len(o.halves) for o in read)
    lines.append(f"{len(read)} reports read, {len(outcomes) - len(read)} skipped, "
                 f"{halves} half match(es)")
    return "\n".join(lines) + (misses_text(outcomes) if misses else "")
