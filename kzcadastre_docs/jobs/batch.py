"""Batch rendering: many records of one form, each to its files or to its problems.

`render_many` renders records (in this process, in `jobs` processes, or on a dask.distributed
cluster) and yields one `RecordResult` per record, in input order: the files it produced,
or the problems that stopped it. Workers only render; the caller writes, so a cluster needs
no shared file system. `run_batch` is what `kzcadastre-docs batch` does: read the input,
render, write each file atomically, and write `errors.jsonl` with a row per problem.

Output names are `<record number>_<key>.<lang>.docx`: the record number (six digits, from 1
in input order) makes names unique and stable for the same input; the key (the cadastral
number, else the document's or the application's number) makes them readable, with every
character that is not a letter, a digit, "." or "-" turned into "-".

>>> output_name(7, {"cadastral_number": "03:047:158:219:1"})
'000007_03-047-158-219-1'
>>> output_name(12, {"object": {"cadastral_number": {"land": "21:320:105:2015", "building": "2"}}})
'000012_21-320-105-2015-2'
>>> output_name(3, {"number": "../../etc/passwd"})
'000003_etc-passwd'
"""

from __future__ import annotations

import collections
import errno
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import api
from ..errors import DataValidationError, KzcadastreError, OutputExistsError, Problem, error_problem, message_problem, shown_value
from ..files import atomic_write, default_file_mode
from ..forms import renderable_form
from ..i18n.catalogue import N_, Message, describe
from ..i18n.system import network_reason, os_reason
from ..pdf import shared_converter
from .records import InputRecord, read_records

EXECUTORS = ("local", "dask")
ERRORS_FILE = "errors.jsonl"
_KEY_PATHS = (("cadastral_number",), ("object", "cadastral_number"), ("number",), ("application", "number"))
_UNSAFE = re.compile(r"[^\w.-]+|_+")


@dataclass(frozen=True)
class RecordResult:
    """What became of one record: its files (name -> bytes), or its problems."""

    number: int
    name: str
    files: dict[str, bytes] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    skipped: bool = False
    #: Values printed in the other language (rendered with allow_fallback), one per field.
    fallbacks: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _key(data: Mapping[str, Any]) -> str:
    for path in _KEY_PATHS:
        value: Any = data
        for name in path:
            value = value.get(name) if isinstance(value, Mapping) else None
        if isinstance(value, Mapping):
            value = "-".join(str(part) for part in value.values() if part not in (None, ""))
        if value not in (None, ""):
            return str(value)
    return ""


def case_key(data: Mapping[str, Any] | None) -> str:
    """The readable key of a document's data in file names ("" when the data has none).

    >>> case_key({"cadastral_number": "03:047:158:219:1"})
    '03-047-158-219-1'
    """
    key = unicodedata.normalize("NFC", _key(data or {}))
    key = _UNSAFE.sub("-", key).strip(".-")
    return re.sub(r"-{2,}", "-", key)[:60].strip(".-")


def output_name(number: int, data: Mapping[str, Any] | None) -> str:
    """The base file name of record `number` (see the module's description)."""
    key = case_key(data)
    return f"{number:06d}_{key}" if key else f"{number:06d}"


def _failure(rule: str, exc: KzcadastreError) -> Problem:
    """A record's rendering or conversion failure, its message translatable where it is shown."""
    from ..i18n.foreign import joined_details

    problem = error_problem("", rule, exc)
    details = joined_details(exc.values)
    if details:  # a library's own words, for programs: errors.jsonl's "detail"
        problem.context["_detail"] = details
    return problem


def render_record(form: str, number: int, data: Mapping[str, Any], langs: tuple[str, ...], pdf: bool = False,
                  pdf_a: bool = False, templates_dir: str | None = None, timeout: float | None = None,
                  allow_fallback: bool = False) -> RecordResult:
    """One record's files, or its problems (never an exception for bad data). With
    `allow_fallback` a value given in the other language only is printed in it and listed in
    the result's `fallbacks`; without it the record fails (rule `missing_language`)."""
    name = output_name(number, data)
    try:
        model = api.validate(form, data)
        documents = [api.render_document(form, model, lang, templates_dir=templates_dir, allow_fallback=allow_fallback)
                     for lang in langs]
    except DataValidationError as exc:
        return RecordResult(number, name, problems=tuple(exc.problems))
    except KzcadastreError as exc:
        return RecordResult(number, name, problems=(_failure("render", exc),))
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - one record never stops the batch
        return RecordResult(number, name, problems=(_unexpected_problem("internal", exc),))
    files = {f"{name}.{document.lang}.docx": document.docx for document in documents}
    if pdf:
        converter = shared_converter()  # one per process
        if timeout is not None:
            converter.timeout = timeout
        try:
            for document in documents:
                files[f"{name}.{document.lang}.pdf"] = api.to_pdf(document, pdf_a=pdf_a, converter=converter)
        except KzcadastreError as exc:
            return RecordResult(number, name, problems=(_failure("pdf", exc),))
    return RecordResult(number, name, files, fallbacks=tuple(problem for document in documents
                                                             for problem in document.fallbacks))


def _unexpected(exc: BaseException) -> str:
    """An unexpected failure: in English with the exception's kind and words; in kk and ru the
    catalogue's text leaves those English words out (programs find them in errors.jsonl's "detail")."""
    return Message("unexpected failure: {kind}: {detail}", kind=type(exc).__name__, detail=shown_value(str(exc), 200))


def _unexpected_problem(rule: str, exc: BaseException) -> Problem:
    message = _unexpected(exc)
    return Problem("", rule, message, context={"_template": message.template, **message.values,
                                               "_detail": f"{type(exc).__name__}: {shown_value(str(exc), 2000)}"})


def render_chunk(form: str, items: list[tuple[int, dict]], langs: tuple[str, ...], pdf: bool, pdf_a: bool,
                 templates_dir: str | None, timeout: float | None, allow_fallback: bool = False) -> list[RecordResult]:
    """Records rendered by a worker (a process of the pool, or a dask worker)."""
    return [render_record(form, number, data, langs, pdf, pdf_a, templates_dir, timeout, allow_fallback)
            for number, data in items]


def _die_with_parent(parent: int) -> None:
    """In a worker process: end when the batch's process ends, even if it was killed.

    Linux delivers SIGKILL at the parent's death (PR_SET_PDEATHSIG, through ctypes); a
    watchdog thread that sees the worker adopted by another process ends it anywhere else.
    The worker's own LibreOffice then goes with it (the converter's watchdog).
    """
    import signal
    import threading
    import time

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kzcadastre-parent-watch", daemon=True).start()


class _Now:
    """A finished 'future', for rendering in this process."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


class _Executor:
    """Submits chunks to this process, a process pool, or a dask cluster."""

    def __init__(self, executor: str, jobs: int, scheduler: str | None):
        self.kind = executor
        self._pool = None
        self._client = None
        if executor == "dask":
            try:
                from distributed import Client
            except ImportError:
                raise KzcadastreError('the dask executor needs dask.distributed: pip install "kzcadastre-docs[dask]"'
                                      ) from None
            if not scheduler:
                raise KzcadastreError("the dask executor needs the scheduler's address (--scheduler tcp://host:8786)")
            try:
                self._client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise KzcadastreError("cannot reach the dask scheduler at {scheduler}: {detail}", scheduler=scheduler,
                                      detail=network_reason(exc), field="--scheduler") from exc
            self.chunk, self.window = 32, 64
        elif jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn: a worker starts clean, whatever threads this process runs; each worker
            # dies with this process, however it ends (see _die_with_parent).
            self._pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_die_with_parent, initargs=(os.getpid(),))
            self.chunk, self.window = 16, jobs * 4
        else:
            self.chunk, self.window = 1, 1

    def submit(self, *args):
        if self._client is not None:
            return self._client.submit(render_chunk, *args, pure=False)
        if self._pool is not None:
            return self._pool.submit(render_chunk, *args)
        return _Now(render_chunk(*args))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()


def _numbered(records: Iterable[InputRecord | Mapping[str, Any]]) -> Iterator[InputRecord]:
    for number, record in enumerate(records, start=1):
        yield record if isinstance(record, InputRecord) else InputRecord(number, dict(record))


def render_many(
    form: str,
    records: Iterable[InputRecord | Mapping[str, Any]],
    *,
    langs: Iterable[str] | None = None,
    pdf: bool = False,
    pdf_a: bool = False,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    templates_dir: str | Path | None = None,
    decide: Callable[[int, str], Problem | bool | None] | None = None,
    timeout: float | None = None,
    allow_fallback: bool = False,
) -> Iterator[RecordResult]:
    """Render every record of `form` and yield a RecordResult for each, in input order.

    `records` are data mappings (numbered from 1) or `InputRecord`s. `langs` defaults to the
    form's languages. `jobs` > 1 renders in that many processes; `executor="dask"` sends the
    work to the dask.distributed scheduler at `scheduler`. `decide(number, name)`, called
    before a record is sent out, may return True (skip it), or a Problem (fail it unrendered).
    `timeout` limits one PDF conversion (seconds; default: the converter's). `allow_fallback`
    prints a value given in the other language only (listed in the result's `fallbacks`).

    >>> results = list(render_many("annex-1", [{"document_date": "2026-11-24"}, {"document_date": "soon"}]))
    >>> [(r.number, r.ok, sorted(r.files)) for r in results]
    [(1, True, ['000001.kk.docx', '000001.ru.docx']), (2, False, [])]
    """
    spec = renderable_form(form)
    langs = tuple(langs or spec.languages)
    for lang in langs:
        if lang not in spec.languages:
            raise KzcadastreError("form {slug!r} has no {lang} template", slug=spec.slug, lang=lang, field="--lang")
    if executor not in EXECUTORS:
        raise KzcadastreError("unknown executor {executor!r}; use one of {executors}", executor=executor,
                              executors=", ".join(EXECUTORS))
    options = (langs, pdf, pdf_a, str(templates_dir) if templates_dir else None, timeout, allow_fallback)
    pool = _Executor(executor, jobs, scheduler)
    pending: collections.deque = collections.deque()
    try:
        chunk: list[InputRecord] = []
        for record in _numbered(records):
            chunk.append(record)
            if len(chunk) >= pool.chunk:
                pending.append(_dispatch(pool, spec.slug, chunk, options, decide))
                chunk = []
                while len(pending) > pool.window:
                    yield from _collect(pending.popleft())
        if chunk:
            pending.append(_dispatch(pool, spec.slug, chunk, options, decide))
        while pending:
            yield from _collect(pending.popleft())
    finally:
        pool.close()


def _dispatch(pool: _Executor, form: str, chunk: list[InputRecord], options, decide):
    """Resolve what needs no rendering here; send the rest out. Returns (ready, future)."""
    ready: dict[int, RecordResult] = {}
    send: list[tuple[int, dict]] = []
    for record in chunk:
        name = output_name(record.number, record.data)
        if record.problem is not None:
            ready[record.number] = RecordResult(record.number, name, problems=(record.problem,))
            continue
        verdict = decide(record.number, name) if decide is not None else None
        if verdict is True:
            ready[record.number] = RecordResult(record.number, name, skipped=True)
        elif isinstance(verdict, Problem):
            ready[record.number] = RecordResult(record.number, name, problems=(verdict,))
        else:
            send.append((record.number, record.data))
    future = pool.submit(form, send, *options) if send else None
    return [record.number for record in chunk], ready, future


def _collect(slot) -> Iterator[RecordResult]:
    numbers, ready, future = slot
    if future is not None:
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died fails its records, not the batch
            results = [RecordResult(number, "", problems=(_unexpected_problem("worker", exc),))
                       for number in numbers if number not in ready]
        for result in results:
            ready[result.number] = result
    for number in numbers:
        yield ready[number]


# -- the batch command's work -----------------------------------------------------------------

@dataclass
class BatchSummary:
    total: int = 0
    written: int = 0  # records whose files were written
    skipped: int = 0
    failed: int = 0
    files: int = 0
    errors_file: Path | None = None
    stopped: str | None = None  # why the batch stopped before the end (records not reached are in the report)
    not_reached: int = 0
    #: (record number, name, problem) for each value printed in the other language (allow_fallback)
    fallbacks: list = field(default_factory=list)


def expected_files(name: str, langs: tuple[str, ...], pdf: bool) -> list[str]:
    return [f"{name}.{lang}.{suffix}" for lang in langs for suffix in (("docx", "pdf") if pdf else ("docx",))]


def _write_temporary(folder: Path, name: str, content: bytes) -> Path:
    """`content` in a new temporary file beside `folder / name`, on disk, with the umask's mode."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), default_file_mode())
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp_name)
        raise
    return Path(tmp_name)


def write_record_files(folder: Path, files: dict[str, bytes], *, overwrite: bool) -> None:
    """Write one record's files all or none: every file goes to a temporary file first (where
    a full disk shows), then all are moved into place; on any failure the temporaries and the
    files this call created are removed. Without `overwrite` an existing file is OutputExistsError."""
    temporaries: list[tuple[Path, str]] = []
    placed: list[Path] = []
    try:
        for name, content in files.items():
            temporaries.append((_write_temporary(folder, name, content), name))
        for temporary, name in temporaries:
            target = folder / name
            if overwrite:
                os.replace(temporary, target)
            else:
                try:
                    os.link(temporary, target)
                except FileExistsError:
                    raise OutputExistsError("{file} exists; use --skip-existing or --force", file=name) from None
                placed.append(target)
                os.unlink(temporary)
    except BaseException:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        for target in placed:
            target.unlink(missing_ok=True)
        raise


#: A temporary file a killed batch may have left: ".<record>_<key>.<lang>.<docx|pdf>.<random>.tmp".
_STALE_TEMPORARY = re.compile(r"^\.\d{6}(?:_[\w.-]*)?\.[a-z]{2}\.(?:docx|pdf)\.[^/]+\.tmp$")


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the temporary files a batch killed outright (SIGKILL, power cut) left in its
    output folder; they are never a record's files, which are moved into place whole."""
    removed = []
    for path in folder.iterdir():
        if _STALE_TEMPORARY.match(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed



class _Report:
    """errors.jsonl: started empty (replacing an earlier report) and written as records fail,
    so that it is true up to the last record whatever stops the batch."""

    def __init__(self, path: Path, lang: str = "en"):
        self.lang = lang
        self.path = atomic_write(path, b"", overwrite=True)
        self._handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed by close()

    def add(self, number: int, name: str, problems) -> None:
        for problem in problems:
            row = {"record": number, "name": name, **problem.as_dict(self.lang)}
            self._handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        self._handle.flush()

    def close(self) -> None:
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
        finally:
            self._handle.close()


def _not_reached_problem(reason: str) -> Problem:
    return message_problem("", "not_reached", N_("not rendered: {reason}"), reason=reason)


def _signed(result: RecordResult, sign: Callable[[bytes, str], bytes]) -> RecordResult:
    """The record's files with every PDF signed, or the record failed with the reason."""
    from dataclasses import replace

    from ..errors import KzcadastreError

    files = dict(result.files)
    try:
        for file, content in files.items():
            if file.endswith(".pdf"):
                files[file] = sign(content, file)
    except KzcadastreError as exc:
        return replace(result, files={}, problems=(_failure("signature", exc),))
    return replace(result, files=files)


def run_batch(form: str, input_path: str | Path, output: str | Path, *, langs: Iterable[str] | None = None,
              pdf: bool = False, pdf_a: bool = False, jobs: int = 1, skip_existing: bool = False,
              force: bool = False, executor: str = "local", scheduler: str | None = None,
              templates_dir: str | Path | None = None, timeout: float | None = None,
              progress: Callable[[RecordResult], None] | None = None,
              sign: Callable[[bytes, str], bytes] | None = None, lang: str = "en",
              allow_fallback: bool = False) -> BatchSummary:
    """Render every record of `input_path` into `output`; every record ends as its files or
    as rows of `output/errors.jsonl` (each row with the problem's stable `rule` and its
    message in `lang`).

    The report is started empty at the beginning (replacing an earlier one) and a record's
    rows are written as soon as it fails. A record's files are written all or none. A full
    disk fails the record that met it (rule `disk_full`) and stops the batch cleanly. If the
    batch is interrupted (Ctrl-C, SIGTERM, a crash), every record it did not finish gets a
    `not_reached` row before the exception goes on. `sign` (PDF bytes, name -> signed
    bytes) signs each PDF in this process before it is written; a record whose PDF cannot
    be signed fails, and none of its files is written. With `allow_fallback` a value given in
    the other language only is printed in it; the summary's `fallbacks` lists each.
    """
    spec = renderable_form(form)
    langs = tuple(langs or spec.languages)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    pdf = pdf or pdf_a

    def decide(number: int, name: str):
        expected = expected_files(name, langs, pdf)
        present = [file for file in expected if (output / file).exists()]
        if skip_existing and len(present) == len(expected):
            return True
        if present and not force and not skip_existing:
            return Problem("", "output_exists", f"{present[0]} exists; use --skip-existing or --force",
                           context={"file": present[0]})
        return None

    remove_stale_temporaries(output)
    summary = BatchSummary()
    report = _Report(output / ERRORS_FILE, lang)
    summary.errors_file = report.path
    done = 0  # the last record number accounted for
    try:
        results = render_many(spec.slug, read_records(input_path), langs=langs, pdf=pdf, pdf_a=pdf_a, jobs=jobs,
                              executor=executor, scheduler=scheduler, templates_dir=templates_dir, decide=decide,
                              timeout=timeout, allow_fallback=allow_fallback)
        for result in results:
            summary.total += 1
            if sign is not None and result.ok and not result.skipped:
                result = _signed(result, sign)
            if result.skipped:
                summary.skipped += 1
            elif result.ok:
                files = result.files
                if skip_existing:
                    files = {name: content for name, content in files.items() if not (output / name).exists()}
                try:
                    write_record_files(output, files, overwrite=force)
                except OutputExistsError as exc:
                    result = RecordResult(result.number, result.name, problems=(_failure("output_exists", exc),))
                except OSError as exc:
                    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                        summary.stopped = Message("no space left on the disk")
                        result = RecordResult(result.number, result.name, problems=(message_problem(
                            "", "disk_full", N_("no space left on the disk: none of the record's files was written; "
                                            "the batch stopped")),))
                    else:
                        result = RecordResult(result.number, result.name, problems=(message_problem(
                            "", "write", N_("the record's files could not be written ({detail}); none was left"),
                            detail=os_reason(exc)),))
                if result.ok:
                    summary.written += 1
                    summary.files += len(files)
                    summary.fallbacks += [(result.number, result.name, problem) for problem in result.fallbacks]
            if not result.ok:
                summary.failed += 1
                report.add(result.number, result.name, result.problems)
            done = result.number
            if progress is not None:
                progress(result)
            if summary.stopped:
                break
        if summary.stopped:
            results.close()  # stops the workers
            summary.not_reached = _report_not_reached(report, input_path, done, summary.stopped)
    except BaseException as exc:
        reason = Message("the batch was interrupted") if isinstance(exc, KeyboardInterrupt) else Message(
            "the batch stopped: {reason}", reason=_unexpected(exc))
        try:
            _report_not_reached(report, input_path, done, reason)
        finally:
            report.close()
        raise
    report.close()
    return summary


def _report_not_reached(report: _Report, input_path, done: int, reason: str) -> int:
    """A `not_reached` row for every record after `done`; how many."""
    from .records import count_records

    try:
        total = count_records(input_path)
    except KzcadastreError:
        total = done
    for number in range(done + 1, total + 1):
        report.add(number, "", [_not_reached_problem(reason)])
    return max(total - done, 0)
