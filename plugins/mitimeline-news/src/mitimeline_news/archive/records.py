"""Reading archives into :class:`Record` values, one per report, streaming.

Three forms: JSON Lines (``.jsonl`` / ``.ndjson``, one report per line), a folder of
``.txt`` reports (each opening with ``source: URL (Outlet), date: YYYY-MM-DD``) and Parquet
(``.parquet``); JSON Lines may be compressed (``.gz``, ``.zst``). A record that cannot be
read (not UTF-8, not JSON, no text, no ``published``) is still yielded, with its
``problem``, so it is counted; only an archive that cannot be opened at all, or a Parquet
file without the required columns, raises :class:`mitimeline.ParseError` naming it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
import mitimeline

from .staging import cut
from .streams import opened, plain_name, stream_errors

__all__ = ["FORMS", "Piece", "Record", "check_archive", "form_of", "pieces", "read_piece",
           "read_records", "record_from"]

Form = Literal["jsonl", "txt", "parquet"]
FORMS = (".jsonl or .ndjson file (optionally .gz or .zst), a .parquet file or a folder of "
         ".txt reports")
"""What an archive path may be, for error messages."""

HEADER = re.compile(r"source:\s*(?P<url>\S+)\s*\((?P<outlet>[^()]*(?:\([^()]*\)[^()]*)*)\),"
                    r"\s*date:\s*(?P<date>\d{4}-\d{2}-\d{2})\s*")
"""The first line of a ``.txt`` report: ``source: URL (Outlet), date: YYYY-MM-DD``."""

COLUMNS = ("id", "text", "published")
"""The fields every record needs (Parquet: the columns every file needs)."""
OPTIONAL = ("language", "url", "outlet", "title")


@attrs.frozen
class Record:
    """One report of an archive: ``where`` is its file and line (or row); ``problem`` says
    why it cannot be parsed (not UTF-8, not JSON, no text, ...), else None."""

    id: str
    text: str
    published: str | None = None
    language: str = "auto"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    where: str = ""
    problem: str | None = None


@attrs.frozen
class Piece:
    """A slice of one archive, the unit of a Dask partition: records ``start`` to ``stop``
    (0-based, end excluded) of ``path``; for a folder, ``files`` are its ``.txt`` files in
    the slice; for an uncompressed JSON Lines file, ``offset`` is the byte where record
    ``start`` begins (a compressed one is read from its start, skipping lines, unless it
    was cut into chunks: then ``path`` is the slice's chunk, ``source`` the archive, and
    ``damage`` the error that ends a damaged archive in its last slice). ``number``
    orders the archives given."""

    path: str
    form: Form
    number: int
    start: int
    stop: int
    files: tuple[str, ...] = ()
    offset: int = 0
    source: str = ""
    damage: str | None = None


def form_of(path: str) -> Form:
    """The form of the archive at ``path``; anything else raises :class:`ParseError`."""
    if os.path.isdir(path):
        return "txt"
    name = plain_name(path).lower()
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet") and name == path.lower():
        return "parquet"
    if not os.path.exists(path):
        raise mitimeline.ParseError("no such file or folder", source=path)
    raise mitimeline.ParseError(f"expected a {FORMS}", source=path)


def check_archive(path: str) -> None:
    """Raise :class:`ParseError` naming ``path`` if it cannot be read as an archive (an
    unknown form, no such file, a Parquet file without the required columns)."""
    form = form_of(path)
    if form == "parquet":
        _parquet_file(path)
    elif form == "jsonl":
        with opened(path):
            pass


def read_records(paths: Iterable[str]) -> Iterator[Record]:
    """Every record of the archives at ``paths``, in order, streamed."""
    for piece in pieces(paths, partition_size=None):
        yield from read_piece(piece)


def pieces(paths: Iterable[str], partition_size: int | None,
           stage: str | None = None) -> list[Piece]:
    """The archives cut into slices of at most ``partition_size`` records (None: one slice
    per archive). JSON Lines files are read once here to count their lines and note where
    each slice begins; with a ``stage`` folder, a compressed one is cut there into a chunk
    file per slice in that same reading (see :mod:`.staging`)."""
    if partition_size is not None and partition_size < 1:
        raise ValueError(f"partition_size: expected a positive number, got {partition_size}")
    result: list[Piece] = []
    for number, path in enumerate(paths):
        form = form_of(path)
        if form == "jsonl" and stage and partition_size and plain_name(path) != path:
            result.extend(_staged(path, number, partition_size, stage))
            continue
        files: tuple[str, ...] = _txt_files(path) if form == "txt" else ()
        offsets: list[int] = []
        if form == "txt":
            total = len(files)
        elif form == "parquet":
            total = _parquet_file(path).metadata.num_rows
        else:
            total, offsets = _line_offsets(path, partition_size)
        size = partition_size or max(total, 1)
        for index, start in enumerate(range(0, max(total, 1), size)):
            stop = min(start + size, total)
            offset = offsets[index] if index < len(offsets) else 0
            result.append(Piece(path, form, number, start, stop, files[start:stop], offset))
    return result


def read_piece(piece: Piece) -> Iterator[Record]:
    """The records of one slice, in order."""
    if piece.form == "txt":
        for name in piece.files:
            yield _txt_record(piece.path, name)
    elif piece.source:
        yield from _chunk_records(piece)
    elif piece.form == "jsonl":
        yield from _jsonl_records(piece.path, piece.start, piece.stop, piece.offset)
    else:
        yield from _parquet_records(piece.path, piece.start, piece.stop)


# -- JSON Lines -----------------------------------------------------------------------------


def _line_offsets(path: str, every: int | None) -> tuple[int, list[int]]:
    """How many lines ``path`` has and, if it is not compressed, the byte offset of every
    ``every``-th line (line 0, ``every``, ``2 * every``, ...)."""
    count = position = 0
    offsets: list[int] = []
    plain = plain_name(path) == path
    with opened(path) as stream:
        try:
            for line in stream:
                if plain and every and count % every == 0:
                    offsets.append(position)
                position += len(line)
                count += 1
        except stream_errors(path):
            count += 1  # the damaged end becomes one failed record when it is read
    return count, offsets


def _jsonl_records(path: str, start: int, stop: int, offset: int) -> Iterator[Record]:
    name = os.path.basename(path)
    with opened(path) as stream:
        skipped = 0
        if offset:
            stream.seek(offset)
            skipped = start
        number = skipped
        try:
            for number, line in enumerate(stream, start=skipped + 1):
                if number <= start:
                    continue
                if number > stop:
                    return
                yield _jsonl_record(line, f"{name} line {number}")
        except stream_errors(path) as exc:
            if start <= number < stop:
                where = f"{name} line {number + 1}"
                yield Record(id=where, text="", where=where,
                             problem=f"the file is damaged from here on: {exc}")


def _staged(path: str, number: int, size: int, stage: str) -> list[Piece]:
    """One piece per chunk of the compressed archive ``path``, cut into ``stage``."""
    return [Piece(chunk.path, "jsonl", number, chunk.start,
                  chunk.stop + (chunk.damage is not None), source=path, damage=chunk.damage)
            for chunk in cut(path, size, stage, f"{number:04d}")]


def _chunk_records(piece: Piece) -> Iterator[Record]:
    """The records of a chunk cut from a compressed archive, named after that archive."""
    name = os.path.basename(piece.source)
    with opened(piece.path) as stream:
        for index, line in enumerate(stream):
            yield _jsonl_record(line, f"{name} line {piece.start + index + 1}")
    if piece.damage is not None:
        where = f"{name} line {piece.stop}"
        yield Record(id=where, text="", where=where,
                     problem=f"the file is damaged from here on: {piece.damage}")


def _jsonl_record(line: bytes, where: str) -> Record:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Record(id=where, text="", where=where,
                      problem=f"not UTF-8: byte {line[exc.start:exc.start + 1]!r} at "
                              f"column {exc.start + 1}")
    if not text.strip():
        return Record(id=where, text="", where=where, problem="an empty line, not a report")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return Record(id=where, text="", where=where, problem=f"not JSON: {exc}")
    if not isinstance(value, dict):
        return Record(id=where, text="", where=where,
                      problem=f"expected a JSON object, got {type(value).__name__}")
    return record_from(value, where)


def record_from(fields: dict[str, Any], where: str) -> Record:
    """A record from one JSON object or Parquet row; a missing or mistyped field becomes
    its ``problem``."""
    raw_id = fields.get("id")
    identifier = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else where
    problems = []
    if identifier == where:
        problems.append(f"field 'id': expected text or a number, got {raw_id!r}")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"field 'text': expected the report's text, got {_shown(text)}")
    published = fields.get("published")
    if not isinstance(published, str) or not published.strip():
        problems.append(f"field 'published': expected a date such as '2020-10-05', "
                        f"got {published!r}")
    options: dict[str, str] = {}
    for key in OPTIONAL:
        value = fields.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"field {key!r}: expected non-empty text, got {value!r}")
        else:
            options[key] = value.strip()
    return Record(
        id=identifier, text=text if isinstance(text, str) else "",
        published=published if isinstance(published, str) else None,
        language=options.get("language", "auto"), url=options.get("url"),
        outlet=options.get("outlet"), title=options.get("title"), where=where,
        problem="; ".join(problems) or None,
    )


def _shown(value: object) -> str:
    if isinstance(value, str):
        return "no text" if not value.strip() else repr(value[:20])
    return "nothing" if value is None else type(value).__name__


# -- folders of .txt reports ----------------------------------------------------------------


def _txt_files(folder: str) -> tuple[str, ...]:
    root = Path(folder)
    return tuple(sorted(path.relative_to(root).as_posix() for path in root.rglob("*.txt")
                        if path.is_file()))


def _txt_record(folder: str, name: str) -> Record:
    identifier = name.removesuffix(".txt")
    where = f"{os.path.join(os.path.basename(os.path.normpath(folder)), name)} line 1"
    try:
        data = Path(folder, name).read_bytes()
    except OSError as exc:
        return Record(id=identifier, text="", where=where,
                      problem=f"cannot read: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Record(id=identifier, text="", where=where.replace("line 1", f"line {line}"),
                      problem=f"not UTF-8: byte {data[exc.start:exc.start + 1]!r}")
    first, _, rest = text.partition("\n")
    header = HEADER.fullmatch(first.strip())
    if header is None:
        return Record(id=identifier, text="", where=where,
                      problem=f"expected the first line 'source: URL (Outlet), date: "
                              f"YYYY-MM-DD', got {first[:60]!r}")
    if not rest.strip():
        return Record(id=identifier, text="", where=where, published=header["date"],
                      problem="no text after the 'source:' line")
    return Record(id=identifier, text=rest.lstrip("\r\n"), published=header["date"],
                  url=header["url"], outlet=header["outlet"].strip() or None, where=where)


# -- Parquet --------------------------------------------------------------------------------


def _parquet_file(path: str) -> Any:
    import pyarrow.parquet as pq  # the [dask] extra

    try:
        file = pq.ParquetFile(path)
    except FileNotFoundError:
        raise mitimeline.ParseError("no such file", source=path) from None
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise mitimeline.ParseError(f"expected a Parquet file: {exc}", source=path) from None
    missing = [column for column in COLUMNS if column not in file.schema_arrow.names]
    if missing:
        raise mitimeline.ParseError(
            f"expected the columns {', '.join(COLUMNS)} (and optionally "
            f"{', '.join(OPTIONAL)}); missing {', '.join(missing)}", source=path)
    return file


def _parquet_records(path: str, start: int, stop: int) -> Iterator[Record]:
    file = _parquet_file(path)
    columns = [c for c in (*COLUMNS, *OPTIONAL) if c in file.schema_arrow.names]
    name = os.path.basename(path)
    first = 0  # the number of the first row of the current row group
    for group in range(file.num_row_groups):
        rows = file.metadata.row_group(group).num_rows
        if first + rows > start and first < stop:
            table = file.read_row_group(group, columns=columns)
            for offset, row in enumerate(table.to_pylist()):
                number = first + offset
                if start <= number < stop:
                    yield record_from(row, f"{name} row {number + 1}")
        first += rows
