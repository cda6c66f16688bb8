"""One file's import, from upload to store: read → kind → mapping → values → load.

``prepare`` does everything that writes nothing (the Import page's preview, ``--dry-run``);
``commit`` loads what ``prepare`` built, in one transaction; ``import_file`` is both, for the
CLI. Anything a file can contain ends in a ``FileReport``, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.check import assemble, cell_errors, rejected_lines, row_checks
from referral_analytics.ingest.check.report import FileReport, RowError
from referral_analytics.ingest.load import already_imported, links, load
from referral_analytics.ingest.load.notes import load_notes
from referral_analytics.ingest.map import mapping
from referral_analytics.ingest.map.fields import KINDS, template_rows
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.read import Problem, RawTable, ReadError, read_table
from referral_analytics.ingest.values import deal_columns

Progress = Callable[[str, int, int], None]  # (stage, done, total): "read", "check", "load"
MIN_KIND_SCORE = 0.3  # below this the headers say too little; the user names the kind


@dataclass(frozen=True)
class Prepared:
    """A file checked and ready to load: the preview shows it, ``commit`` writes it."""

    file_name: str
    sha256: str
    raw: RawTable | None
    kind: str | None
    kind_scores: tuple[tuple[str, float], ...]
    matches: tuple[mapping.ColumnMatch, ...]
    columns: tuple[assemble.ParsedColumn, ...]
    rows: pa.Table | None  # canonical columns, ``extra`` and ``__row``; valid rows only
    errors: tuple[RowError, ...]
    rejected_positions: tuple[int, ...]
    decisions: tuple[str, ...]
    warnings: tuple[str, ...]
    previous_import: int | None = None

    @property
    def rows_read(self) -> int:
        return self.raw.table.num_rows if self.raw is not None else 0

    @property
    def status(self) -> str:
        """What committing would do: "already imported", "needs input", "rejected" or "ready"."""
        if self.previous_import is not None:
            return "already imported"
        if self.decisions:
            return "needs input"
        return "ready" if self.rows is not None else "rejected"

    def report(self, status: str | None = None, import_id: int | None = None) -> FileReport:
        """This file's report as it stands, or with ``status`` and ``import_id`` given."""
        return FileReport(
            file=self.file_name, status=status or _REPORTED[self.status], kind=self.kind,
            rows_read=self.rows_read, rows_rejected=len(self.rejected_positions),
            errors=self.errors, warnings=self.warnings, decisions=self.decisions,
            import_id=import_id or self.previous_import,
        )  # fmt: skip


_REPORTED = {"already imported": "already imported", "needs input": "needs input",
             "rejected": "rejected", "ready": "would load"}  # fmt: skip


def file_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes: the same content is the same import."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Source:
    """A file read: its content hash and its cells as text."""

    file_name: str
    sha256: str
    raw: RawTable | None  # None when the same content is already imported (not read again)
    previous_import: int | None = None


def read_source(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    options: ImportOptions = ImportOptions(),  # noqa: B008 (frozen: a shared default is safe)
    *,
    file_name: str | None = None,
    progress: Progress | None = None,
) -> Source:
    """Hash and read one file; a file already imported is not read again.

    Raises:
        ReadError: The file cannot be read at all (its problem names the file and why).
    """
    path = Path(path)
    name = file_name or path.name
    sha = file_hash(path)
    previous = _previous_import(con, sha)
    if previous is not None:
        return Source(name, sha, None, previous)
    _tell(progress, "read", 0, 1)
    raw = read_table(path, file_name=name, sheet=options.sheet, limits=options.limits)
    _tell(progress, "read", raw.table.num_rows, raw.table.num_rows)
    return Source(name, sha, raw)


def prepare(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    options: ImportOptions = ImportOptions(),  # noqa: B008 (frozen: a shared default is safe)
    *,
    progress: Progress | None = None,
) -> Prepared:
    """Recognise, map and check a file read; write nothing."""
    name, sha, raw = source.file_name, source.sha256, source.raw
    if raw is None:
        return _nothing(name, sha, previous_import=source.previous_import)
    scores = tuple(mapping.detect_kind(raw.headers))
    kind = options.kind or detected_kind(scores)
    if kind is None:
        return _nothing(name, sha, raw=raw, scores=scores, decisions=(_kind_question(scores),))
    if kind not in KINDS:
        raise ValueError(messages.IMPORT_UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
    raw = _without_template_notes(raw, kind)
    warnings = [p.message if p.location is None else f"{p.location}: {p.message}"
                for p in raw.warnings]  # fmt: skip
    matches = column_matches(con, raw, kind, options)
    chosen = {m.header: m.field for m in matches}
    decisions = list(mapping.missing(kind, chosen))
    columns = assemble.parse_columns(raw, kind, matches, options, progress=progress)
    columns, unread = cell_errors.apply(raw, columns)  # Excel errors, formulas without results
    decisions += [
        messages.IMPORT_DATE_DECISION.format(header=c.header, decision=c.parsed.decision)
        for c in columns
        if c.parsed.decision
    ]
    warnings += [*unread, *assemble.column_warnings(columns)]
    if decisions:
        return Prepared(name, sha, raw, kind, scores, tuple(matches), tuple(columns), None, (),
                        (), tuple(decisions), tuple(warnings))  # fmt: skip
    table = assemble.canonical_rows(raw, kind, columns)
    table = deal_columns.complete(kind, table, options.words)
    errors, rejected = row_checks.check(raw, kind, columns, table)
    keep = options.skip_invalid or not (errors or raw.rejected_lines)
    rows = row_checks.without(table, rejected) if keep else None
    if rows is not None and rows.num_rows == 0:
        rows = None
    raw, errors, rejected = rejected_lines.with_rejected_lines(raw, errors, rejected)
    return Prepared(name, sha, raw, kind, scores, tuple(matches), tuple(columns), rows,
                    tuple(errors), tuple(rejected), (), tuple(warnings))  # fmt: skip


def commit(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, *, progress: Progress | None = None
) -> FileReport:
    """Load a prepared file in one transaction; the same content again changes nothing."""
    if prepared.status != "ready":
        return prepared.report()
    _tell(progress, "load", 0, prepared.rows.num_rows)
    linker = links.Linker(prepared.kind)
    cur = con.cursor()
    try:
        rows = linker.resolve_ids(cur, prepared.rows)
    finally:
        cur.close()
    result = load(
        con, prepared.kind, rows, file_name=prepared.file_name, sha256=prepared.sha256,
        rows_read=prepared.rows_read, rows_rejected=len(prepared.rejected_positions),
        details=_details(prepared), then=lambda cur, import_id: linker.then(cur, import_id, rows),
    )  # fmt: skip
    _tell(progress, "load", rows.num_rows, rows.num_rows)
    if result.status == "already imported":
        return prepared.report("already imported", import_id=result.import_id)
    return FileReport(
        file=prepared.file_name, status=result.status, kind=prepared.kind,
        rows_read=prepared.rows_read, rows_loaded=result.rows_loaded,
        rows_rejected=len(prepared.rejected_positions), rows_new=result.inserted,
        rows_changed=result.updated, rows_unchanged=result.unchanged,
        rows_repeated=result.duplicates_in_file, errors=prepared.errors,
        warnings=(*prepared.warnings,
                  *load_notes(result, prepared.raw, prepared.kind, prepared.columns),
                  *linker.warnings()),
        import_id=result.import_id, related=dict(result.related),
    )  # fmt: skip


def import_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    options: ImportOptions = ImportOptions(),  # noqa: B008 (frozen: a shared default is safe)
    *,
    file_name: str | None = None,
    progress: Progress | None = None,
) -> FileReport:
    """Prepare and (unless a dry run) load one file; every outcome is a report."""
    name = file_name or Path(path).name
    try:
        source = read_source(con, path, options, file_name=name, progress=progress)
        prepared = prepare(con, source, options, progress=progress)
    except ReadError as error:
        where = f"{error.problem.location}: " if error.problem.location else ""
        return FileReport(file=name, status="rejected", warnings=(where + str(error),))
    except ValueError as error:  # an option that does not fit this file
        return FileReport(file=name, status="rejected", warnings=(str(error),))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        said = messages.IMPORT_CANNOT_OPEN.format(file=name, reason=reason)
        return FileReport(file=name, status="rejected", warnings=(said,))
    if options.dry_run:
        return prepared.report()
    return commit(con, prepared, progress=progress)


def column_matches(
    con: duckdb.DuckDBPyConnection, raw: RawTable, kind: str, options: ImportOptions
) -> list[mapping.ColumnMatch]:
    """The column mapping: the user's edits over a saved mapping over the automatic one."""
    automatic = mapping.auto_map(raw.headers, kind)
    saved = mapping.saved_mapping(con, name=options.mapping_name) if options.mapping_name else (
        mapping.saved_mapping(con, headers=raw.headers)
    )  # fmt: skip
    if options.mapping_name and saved is None:
        raise ValueError(messages.IMPORT_NO_MAPPING.format(name=options.mapping_name))
    chosen = {m.header: m for m in automatic}
    if saved is not None and saved.kind == kind:
        for header, target in saved.mapping.items():
            if header in chosen:
                chosen[header] = mapping.ColumnMatch(header, target, "saved", 1.0)
    for header, target in (options.columns or {}).items():
        if header in chosen:
            chosen[header] = mapping.ColumnMatch(header, target, "user", 1.0)
    return _one_header_per_field([chosen[h] for h in raw.headers])


def _one_header_per_field(matches: list[mapping.ColumnMatch]) -> list[mapping.ColumnMatch]:
    """A field mapped twice keeps its first header; the other goes to ``extra``, never lost."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match.field is not None and match.field in seen:
            match = mapping.ColumnMatch(match.header, None, "", 0.0)
        elif match.field is not None:
            seen.add(match.field)
        kept.append(match)
    return kept


def detected_kind(scores: tuple[tuple[str, float], ...]) -> str | None:
    """The kind the headers clearly point to; None when no kind scores enough or two tie."""
    if not scores or scores[0][1] < MIN_KIND_SCORE:
        return None
    if len(scores) > 1 and scores[1][1] == scores[0][1]:
        return None
    return scores[0][0]


def _kind_question(scores: tuple[tuple[str, float], ...]) -> str:
    likely = ", ".join(f"{k} ({s:.0%})" for k, s in scores[:3] if s > 0) or "none"
    return messages.IMPORT_WHICH_KIND.format(likely=likely, kinds=", ".join(KINDS))


def _nothing(
    name: str, sha: str, *, raw: RawTable | None = None, scores=(), decisions=(),
    previous_import: int | None = None,
) -> Prepared:  # fmt: skip
    return Prepared(name, sha, raw, None, tuple(scores), (), (), None, (), (), tuple(decisions),
                    (), previous_import)  # fmt: skip


def _details(prepared: Prepared) -> str:
    """What the ledger keeps about how the file was read, for the import history."""
    raw = prepared.raw
    return json.dumps({
        "sheet": raw.sheet, "encoding": raw.encoding, "delimiter": raw.delimiter,
        "file_type": raw.file_type,
        "mapping": {m.header: m.field for m in prepared.matches},
        "warnings": list(prepared.warnings[:100]),
    }, ensure_ascii=False)  # fmt: skip


def _without_template_notes(raw: RawTable, kind: str) -> RawTable:
    """A filled-in import template still has its row of descriptions first: skip it."""
    labels, notes = template_rows(kind)
    described = dict(zip(labels, notes, strict=True))
    shared = [h for h in raw.headers if h in described]
    if raw.table.num_rows == 0 or len(shared) < 2:
        return raw
    first = raw.table.slice(0, 1).to_pylist()[0]
    if any((first.get(h) or "").strip() != described[h] for h in shared):
        return raw
    said = Problem(raw.file_name, None, messages.IMPORT_TEMPLATE_NOTES)
    return replace(raw, table=raw.table.slice(1), warnings=(*raw.warnings, said))


def _previous_import(con: duckdb.DuckDBPyConnection, sha: str) -> int | None:
    cur = con.cursor()
    try:
        return already_imported(cur, sha)
    finally:
        cur.close()


def _tell(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
