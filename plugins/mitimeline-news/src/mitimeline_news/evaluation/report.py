"""The printed tables: dates per TIMEX corpus, events per set and language, and misses."""

from __future__ import annotations

from collections.abc import Sequence

from .scoring import Outcome, scores
from .timex import DateScore

__all__ = ["date_table", "event_table", "misses_text", "report_text"]

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
    """One row per set and language (then the set's total): P/R/F1 and the counts."""
    lines = [f"{'set':<22} {'lang':<4} {'reports':>7} {'P':>6} {'R':>6} {'F1':>6} "
             f"{'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, outcomes in sets:
        figures = scores(outcomes)
        for language in [*_LANGUAGES, "all"]:
            if language not in figures:
                continue
            score = figures[language]
            read = sum(1 for o in outcomes if not o.skipped
                       and (language == "all" or o.report.language == language))
            lines.append(f"{name:<22} {language:<4} {read:>7} {score.precision:6.3f} "
                         f"{score.recall:6.3f} {score.f1:6.3f} {score.true_positives:4d} "
                         f"{score.false_positives:4d} {score.false_negatives:4d}")
        skipped = [o for o in outcomes if o.skipped]
        if skipped:
            lines.append(f"{name:<22} {len(skipped)} report(s) skipped: {skipped[0].skipped}")
    return "\n".join(lines)


def misses_text(outcomes: Sequence[Outcome]) -> str:
    """Every missed expected event and every extra event, report by report."""
    lines: list[str] = []
    for outcome in outcomes:
        if outcome.skipped:
            lines.append(f"\n{outcome.report.id}: skipped ({outcome.skipped})")
            continue
        if not outcome.missed and not outcome.extra:
            continue
        lines.append(f"\n{outcome.report.id}:")
        for expected in outcome.missed:
            lines.append(f"  missed  {expected.kind:<12} {expected.when}  "
                         f"{expected.evidence[:90]}")
        for event in outcome.extra:
            lines.append(f"  extra   {event.kind:<12} {event.when}  "
                         f"[{event.extra['date_text']}] {event.extra['evidence'][:90]}")
    return "\n".join(lines)


def report_text(outcomes: list[Outcome]) -> str:
    """The table of one set of key files (per language and ``all``) and its misses."""
    lines = [f"{'set':<6} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, score in sorted(scores(outcomes).items(), key=lambda kv: kv[0] != "all"):
        lines.append(f"{name:<6} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{score.true_positives:4d} {score.false_positives:4d} "
                     f"{score.false_negatives:4d}")
    read = [o for o in outcomes if not o.skipped]
    lines.append(f"{len(read)} reports read, {len(outcomes) - len(read)} skipped")
    return "\n".join(lines) + misses_text(outcomes)
