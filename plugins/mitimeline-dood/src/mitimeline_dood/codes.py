"""The day-out-of-days codes, their meanings and which total each one counts in: the one
place the vocabulary is written, read by the grid and by every renderer's legend."""

from __future__ import annotations

__all__ = [
    "CODES",
    "COMPANY_MARKS",
    "DROP",
    "FITTING",
    "HOLD",
    "HOLIDAY",
    "MOVE",
    "PICKUP",
    "PICKUP_FINISH",
    "POSSIBLE",
    "REHEARSAL",
    "START",
    "START_FINISH",
    "TRAVEL",
    "WORK",
    "WORK_CODES",
    "WORK_FINISH",
]

START = "SW"
WORK = "W"
WORK_FINISH = "WF"
START_FINISH = "SWF"
PICKUP = "PW"
PICKUP_FINISH = "PWF"
HOLD = "H"
DROP = "D"
TRAVEL = "TR"
REHEARSAL = "R"
FITTING = "FT"
HOLIDAY = "/"
MOVE = "M"
POSSIBLE = "W?"

WORK_CODES = frozenset({START, WORK, WORK_FINISH, START_FINISH, PICKUP, PICKUP_FINISH})
"""The codes of a day the person works: the per-day "people working" count and the
``work`` total count these."""

COMPANY_MARKS = (HOLIDAY, MOVE)
"""What a day's column may be marked with for the whole company."""

CODES: dict[str, str] = {
    START: "start work: the first day worked",
    WORK: "work",
    WORK_FINISH: "work finish: the last day worked",
    START_FINISH: "start-work-finish: a one-day player",
    PICKUP: "pick up and work: the first day worked after a drop",
    PICKUP_FINISH: "pick up, work and finish: a pick-up on the last day worked",
    HOLD: "hold: paid, not working, between the first and the last day worked",
    DROP: "drop: off the payroll from this day until the pick-up",
    TRAVEL: "travel",
    REHEARSAL: "rehearsal",
    FITTING: "fitting",
    HOLIDAY: "company day off or holiday (paid between the first and the last day worked)",
    MOVE: "company move (in the day's column)",
    POSSIBLE: "possible work day of a work event whose date is not exact (probable=True)",
}
"""Every code with its meaning, in the legend's order."""
