"""Coverage-guided fuzzing of mitimeline's parsers and ``When.parse`` with atheris.

    python tests/fuzz/fuzz.py <target> [--seconds N] [--runs N] [libFuzzer args ...]
    python tests/fuzz/fuzz.py all --seconds 20      # each target in turn, in a subprocess

Targets: json, ical, csv, news, probe, when (see ``targets.py`` for what counts as a crash).
Seeds come from ``corpus/<target>/``; inputs libFuzzer finds interesting go to a scratch
directory (``--keep DIR`` keeps them); crashers are written under ``--artifacts``
(default ``out/fuzz/<target>/``) as ``crash-<sha1>``: move one into ``regressions/<target>/``
and ``tests/test_fuzz.py`` replays it on every test run.

Exit status: 0 for a clean run, 1 when a crash was found, 2 when atheris is missing or the
arguments are wrong. Prints how many inputs each target tried.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TARGETS = ("json", "ical", "csv", "news", "probe", "when")
INSTRUMENTED = ["mitimeline", "mitimeline_csv", "mitimeline_news", "mitimeline_probe"]
REPORT = re.compile(r"^fuzz: (\w+): (\d+) inputs tried", re.MULTILINE)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=[*TARGETS, "all"])
    parser.add_argument("--seconds", type=float, default=None,
                        help="stop after this long (per target with 'all'); default: no limit")
    parser.add_argument("--runs", type=int, default=None,
                        help="stop after this many inputs (per target with 'all')")
    parser.add_argument("--keep", type=Path, default=None,
                        help="directory to keep the grown corpus in (a subfolder per target)")
    parser.add_argument("--artifacts", type=Path, default=REPO / "out" / "fuzz",
                        help="where crashers go, a subfolder per target (default: out/fuzz)")
    args, libfuzzer_args = parser.parse_known_args(argv)
    if args.target == "all":
        return _run_all(args, libfuzzer_args)
    return _fuzz(args, libfuzzer_args)


def _run_all(args: argparse.Namespace, libfuzzer_args: list[str]) -> int:
    """Each target in its own process (libFuzzer runs once per process); 1 if any crashed."""
    if args.seconds is None and args.runs is None:
        print("fuzz: 'all' needs --seconds or --runs", file=sys.stderr)
        return 2
    failed, summary = [], []
    for target in TARGETS:
        command = [sys.executable, str(Path(__file__).resolve()), target]
        for flag in ("seconds", "runs", "keep", "artifacts"):
            if getattr(args, flag) is not None:
                command += [f"--{flag}", str(getattr(args, flag))]
        print(f"== fuzz {target}", flush=True)
        result = subprocess.run([*command, *libfuzzer_args], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, errors="replace")
        sys.stdout.write(_tail(result.stdout, result.returncode))
        if result.returncode == 2:
            return 2
        counted = REPORT.search(result.stdout)
        tried = counted.group(2) if counted else "?"
        status = "ok" if result.returncode == 0 else f"CRASH (exit {result.returncode})"
        summary.append(f"  {target:6} {tried:>9} inputs  {status}")
        if result.returncode:
            failed.append(target)
    print("fuzz summary:", *summary, sep="\n")
    return 1 if failed else 0


def _tail(output: str, returncode: int) -> str:
    """The child's output: all of it after a crash, else only its summary lines."""
    if returncode:
        return output
    return "".join(line + "\n" for line in output.splitlines()
                   if line.startswith(("fuzz:", "Done ")))


def _fuzz(args: argparse.Namespace, libfuzzer_args: list[str]) -> int:
    try:
        import atheris
    except ImportError:
        print("fuzz: atheris is not installed; install it with "
              "pip install 'atheris>=2.3' (Linux, CPython < 3.13) or pip install -e '.[test]'",
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    with atheris.instrument_imports(include=INSTRUMENTED):
        import targets

        from mitimeline.plugins import find_parser

        for name in targets.PARSERS:  # load every plugin now, while instrumenting
            find_parser(name)
        from mitimeline_news import extract  # noqa: F401  (imported lazily by parse)

    target = args.target
    artifacts = args.artifacts / target
    artifacts.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"mitimeline-fuzz-{target}-"))
    grown = args.keep / target if args.keep else scratch
    grown.mkdir(parents=True, exist_ok=True)
    seeds = HERE / "corpus" / target

    tried = 0
    deadline = None if args.seconds is None else time.monotonic() + args.seconds

    def finish(code: int) -> None:
        print(f"fuzz: {target}: {tried} inputs tried, "
              f"{'a crash' if code else 'no crash'} (crashers go to {artifacts}/)", flush=True)
        shutil.rmtree(scratch, ignore_errors=True)

    def test_one_input(data: bytes) -> None:
        nonlocal tried
        tried += 1
        try:
            targets.run(target, data)
        except BaseException:
            finish(1)
            raise
        if (deadline is not None and time.monotonic() > deadline) or tried == args.runs:
            finish(0)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)  # libFuzzer's own exit would skip the count above

    defaults = [f"-artifact_prefix={artifacts}/", "-max_len=8192", "-timeout=60"]
    given = {arg.split("=", 1)[0] for arg in libfuzzer_args}
    flags = [flag for flag in defaults if flag.split("=", 1)[0] not in given]
    # Files given as arguments: libFuzzer runs just those (to reproduce a crasher), and only
    # if no corpus folder is among its inputs.
    replay = any(Path(arg).is_file() for arg in libfuzzer_args if not arg.startswith("-"))
    corpus = [] if replay else [str(grown), str(seeds)]
    atheris.Setup([sys.argv[0], *flags, *libfuzzer_args, *corpus], test_one_input)
    atheris.Fuzz()
    return 0  # not reached: libFuzzer exits the process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
