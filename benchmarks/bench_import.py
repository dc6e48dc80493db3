"""Benchmark: the cost of ``import mitimeline`` over a bare interpreter.

Also reports the slowest modules from ``python -X importtime`` and checks that no plugin,
icalendar or pandas is imported. Goal: within 100 ms of a bare interpreter.

Run: python benchmarks/bench_import.py [--runs 15] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import SRC, print_table

HEAVY = ("icalendar", "pandas", "matplotlib", "mitimeline.default_plugins", "importlib.metadata")
"""Modules ``import mitimeline`` must not import: format plugins, and entry-point scanning."""


def wall_time(code: str, runs: int, env: dict[str, str]) -> float:
    """Median wall-clock seconds of ``python -c code`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def slowest_imports(env: dict[str, str], top: int = 8) -> list[tuple[str, int]]:
    """(module, cumulative µs) of the slowest imports (nested ones included)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import mitimeline"],
                            check=True, env=env, capture_output=True, text=True)
    rows = []
    for line in result.stderr.splitlines()[1:]:
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            rows.append((parts[2], int(parts[1])))
    return sorted(rows, key=lambda r: -r[1])[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--smoke", action="store_true", help="fewer runs, to check it runs")
    args = parser.parse_args()
    runs = 3 if args.smoke else args.runs
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    bare = wall_time("pass", runs, env)
    ours = wall_time("import mitimeline", runs, env)
    check = ("import sys, mitimeline; "
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", check], check=True, env=env,
                            capture_output=True, text=True).stdout.strip()
    print_table(["interpreter", "median s", "over bare, ms", "goal"], [
        ["python -c pass", bare, "", ""],
        ["python -c 'import mitimeline'", ours, (ours - bare) * 1000, "≤ 100 ms"],
    ])
    print(f"heavy modules imported by 'import mitimeline': {loaded or 'none'}")
    print("slowest top-level imports (cumulative µs):")
    for module, micros in slowest_imports(env):
        print(f"  {micros:>8,}  {module}")
    if loaded:
        raise SystemExit(f"FAIL: import mitimeline pulled in {loaded}")


if __name__ == "__main__":
    main()
