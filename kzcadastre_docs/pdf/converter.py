"""DOCX to PDF through a LibreOffice that stays up between documents.

A `Converter` starts `soffice` headless, listening on a named pipe, with a profile directory
of its own (LibreOffice processes sharing one profile can exit without writing anything),
and next to it the UNO worker (`uno_worker.py`, run by a Python that has `uno`). Each
document is written to the converter's work folder, converted, and read back only after the
check that it is a readable PDF with at least one page (and PDF/A-2b when asked).

Each conversion has a time limit. A conversion that hangs, or a LibreOffice that dies, is
killed together with its worker, started again, and the document converted again, up to
`attempts` times: a crash in the middle of a run loses no document. A document that
LibreOffice cannot open fails at once, with the reason, without a restart.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KzcadastreError
from ..i18n.catalogue import N_, Message
from .check import PdfCheckError, check_pdf
from .office import OfficeInstallation, find_office

log = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("uno_worker.py")
WATCHDOG = Path(__file__).with_name("watchdog.py")
#: Work folders are named <prefix><owner pid>-<random>; one whose owner is gone is removed at start.
FOLDER_PREFIX = "kzcadastre-pdf-"
#: SelectPdfVersion values of LibreOffice's PDF export: 0 plain PDF, 2 PDF/A-2b.
PDF_VERSION = {False: 0, True: 2}


class ConversionError(KzcadastreError):
    """A document could not be converted to PDF (the message says which, and why).

    LibreOffice's own words (the tail of its log, its error) are English: the English message
    quotes them, the kk and ru ones leave them out; `as_dict` gives them to programs as "detail".
    """

    code = "conversion"

    def as_dict(self, lang: str = "en") -> dict:
        raw = [str(self.values[key]) for key in ("detail", "diagnostics") if self.values.get(key)]
        return {"detail": "; ".join(raw).lstrip("; ")} if raw else {}


def _joined(failures: list[Message]) -> Message:
    """The attempts' failures as one message, each translated where it is shown.

    >>> _joined([Message("LibreOffice reported success but wrote no PDF")] * 2).describe("ru")
    'LibreOffice сообщил об успехе, но не записал PDF; LibreOffice сообщил об успехе, но не записал PDF'
    """
    return Message("; ".join("{f%d}" % index for index in range(len(failures))),
                   **{f"f{index}": failure for index, failure in enumerate(failures)})


@dataclass(frozen=True)
class DocumentMetadata:
    """What the PDF's information dictionary and XMP say about the document."""

    title: str
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)


class _Process:
    """One LibreOffice and its worker, in their own process groups."""

    def __init__(self, office: OfficeInstallation, folder: Path, start_timeout: float):
        self.folder = folder
        pipe = f"kzcadastre-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        profile = (folder / "profile").resolve()
        self.office_log = folder / "office.log"
        self.worker_log = folder / "worker.log"
        environment = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
        with open(self.office_log, "ab") as office_log:
            self.office = subprocess.Popen(
                [str(office.soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--nofirststartwizard",
                 f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=office_log, stderr=subprocess.STDOUT,
                env=environment, start_new_session=True)
        with open(self.worker_log, "ab") as worker_log:
            self.worker = subprocess.Popen(
                [str(office.python), str(WORKER), pipe, str(start_timeout)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=worker_log,
                env=environment, start_new_session=True)
        # If this process dies, however it dies, the watchdog kills both and removes the folder.
        self.watchdog = subprocess.Popen(
            [sys.executable, "-I", "-S", str(WATCHDOG), str(folder.resolve()), str(self.office.pid),
             str(self.worker.pid)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, name="kzcadastre-pdf-reader", daemon=True).start()

    def _read(self) -> None:
        for line in self.worker.stdout:
            try:
                self.answers.put(json.loads(line))
            except ValueError:
                log.warning("unexpected output from the UNO worker: %r", line[:200])
        self.answers.put(None)

    def wait_ready(self, timeout: float) -> None:
        """Wait until the worker is connected; fail at once if LibreOffice or the worker exits."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            answer = self._answer(0.1)
            if answer == "timeout":
                if self.office.poll() is not None:
                    raise ConversionError("LibreOffice exited at start (status {status}){diagnostics}",
                                          status=self.office.returncode, diagnostics=self.diagnostics())
                continue
            if answer is None or not answer.get("ready"):
                raise ConversionError("the UNO worker stopped at start{diagnostics}", diagnostics=self.diagnostics())
            return
        raise ConversionError("LibreOffice did not start within {timeout:g} s{diagnostics}", timeout=timeout,
                              diagnostics=self.diagnostics())

    def _answer(self, timeout: float):
        try:
            return self.answers.get(timeout=timeout)
        except queue.Empty:
            return "timeout"

    def ask(self, request: dict, timeout: float):
        """The worker's answer, None if it died, or "timeout"."""
        try:
            self.worker.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
            self.worker.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        return self._answer(timeout)

    def diagnostics(self) -> str:
        lines = []
        for name, path in (("LibreOffice", self.office_log), ("UNO worker", self.worker_log)):
            try:
                tail = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
            except OSError:
                tail = []
            if tail:
                lines.append(f"{name}: " + " | ".join(tail))
        return ("; " + "; ".join(lines)) if lines else ""

    @property
    def alive(self) -> bool:
        return self.office.poll() is None and self.worker.poll() is None

    def stop(self, grace: float = 10.0) -> None:
        """Ask LibreOffice to quit; kill what is still running after `grace` seconds."""
        if self.worker.poll() is None:
            try:
                self.worker.stdin.write(b'{"quit": true}\n')
                self.worker.stdin.flush()
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + grace
        for process in (self.worker, self.office):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def kill(self) -> None:
        for process in (self.worker, self.office):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a process SIGKILL does not end
                log.error("process %s did not end after SIGKILL", process.pid)
        if self.worker.stdin:
            try:
                self.worker.stdin.close()
            except OSError:
                pass
        self.dismiss_watchdog()

    def dismiss_watchdog(self) -> None:
        """The processes are gone and this converter goes on: the watchdog leaves quietly."""
        watchdog = self.watchdog
        if watchdog.poll() is None:
            try:
                watchdog.stdin.write(b"x")
                watchdog.stdin.close()
            except OSError:
                pass
            try:
                watchdog.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                watchdog.kill()
        elif watchdog.stdin and not watchdog.stdin.closed:
            watchdog.stdin.close()


class Converter:
    """A persistent DOCX-to-PDF converter. Use it as a context manager, or call `close()`.

    `timeout` limits one conversion (seconds); `start_timeout` limits LibreOffice's start;
    `attempts` is how often one document is tried, with a restart between tries. Converters
    are independent: each has its own LibreOffice, profile and work folder. One converter
    converts one document at a time (calls from several threads wait their turn).
    """

    def __init__(self, office: OfficeInstallation | None = None, *, timeout: float = 60.0,
                 start_timeout: float = 60.0, attempts: int = 3):
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.office = office
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.attempts = attempts
        #: How many times LibreOffice was started again after a crash, hang or bad output.
        self.restarts = 0
        self._process: _Process | None = None
        self._folder: Path | None = None
        self._lock = threading.RLock()
        self._counter = 0

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> "Converter":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def start(self) -> None:
        """Start LibreOffice now (otherwise the first conversion does); OfficeNotFoundError
        if it is not installed."""
        with self._lock:
            if self._process is not None and self._process.alive:
                return
            if self.office is None:
                self.office = find_office()
            if self._folder is None:
                remove_stale_folders()
                self._folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
            failures = []
            for attempt in range(1, self.attempts + 1):
                self._process = _Process(self.office, self._folder, self.start_timeout)
                try:
                    self._process.wait_ready(self.start_timeout)
                    return
                except ConversionError as exc:  # LibreOffice died while starting: start it again
                    failures.append(Message(exc.template, **exc.values))
                    self._discard()
                    if attempt < self.attempts:
                        log.warning("LibreOffice failed to start (attempt %d of %d): %s", attempt, self.attempts, exc)
                        self.restarts += 1
            raise ConversionError("LibreOffice did not start after {attempts} attempt(s): {failures}",
                                  attempts=self.attempts, failures=_joined(failures))

    def close(self) -> None:
        """Quit LibreOffice and remove the work folder (with the profile)."""
        with self._lock:
            if self._process is not None:
                self._process.stop()
                self._process = None
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None

    def _discard(self) -> None:
        """Kill the current LibreOffice; the next conversion starts a new one with a fresh profile."""
        if self._process is not None:
            self._process.kill()
            self._process = None
        if self._folder is not None:
            shutil.rmtree(self._folder / "profile", ignore_errors=True)

    @property
    def office_process_group(self) -> int | None:
        """The process group of the running LibreOffice (for monitoring), or None."""
        process = self._process
        return process.office.pid if process is not None and process.alive else None

    # -- conversion ------------------------------------------------------------------------

    def convert(self, docx: bytes, *, pdf_a: bool = False, metadata: DocumentMetadata | None = None,
                name: str = "document") -> bytes:
        """The PDF of a DOCX document (PDF/A-2b if `pdf_a`), with `metadata` in its properties.

        `name` names the document in errors. ConversionError if every attempt failed.
        """
        with self._lock:
            failures = []
            for attempt in range(1, self.attempts + 1):
                try:
                    return self._attempt(docx, pdf_a, metadata, name)
                except _Retry as retry:
                    failures.append(retry.reason)
                    log.warning("%s: attempt %d of %d failed (%s); restarting LibreOffice",
                                name, attempt, self.attempts, retry)
                    self._discard()
                    self.restarts += 1
            raise ConversionError("{name}: not converted to PDF after {attempts} attempt(s): {failures}", name=name,
                                  attempts=self.attempts, failures=_joined(failures))

    def _attempt(self, docx: bytes, pdf_a: bool, metadata: DocumentMetadata | None, name: str) -> bytes:
        try:
            self.start()
        except ConversionError as exc:
            raise _Retry(Message(exc.template, **exc.values)) from None
        process = self._process
        self._counter += 1
        source = self._folder / f"{self._counter}.docx"
        target = self._folder / f"{self._counter}.pdf"
        source.write_bytes(docx)
        target.unlink(missing_ok=True)
        request = {"id": self._counter, "input": str(source), "output": str(target),
                   "pdf_version": PDF_VERSION[bool(pdf_a)]}
        if metadata is not None:
            request.update(title=metadata.title, subject=metadata.subject, keywords=list(metadata.keywords))
        try:
            answer = process.ask(request, self.timeout)
            if answer == "timeout":
                raise _Retry(Message("no answer within {seconds} s", seconds=f"{self.timeout:g}"))
            if answer is None:
                raise _Retry(Message("LibreOffice stopped{diagnostics}", diagnostics=process.diagnostics()))
            if not answer.get("ok"):
                if answer.get("retry"):
                    raise _Retry(Message("connection to LibreOffice lost: {detail}", detail=answer.get("error")))
                raise ConversionError("{name}: LibreOffice could not convert it: {detail}", name=name,
                                      detail=answer.get("error"))
            try:
                content = target.read_bytes()
            except FileNotFoundError:
                raise _Retry(Message("LibreOffice reported success but wrote no PDF")) from None
            try:
                check_pdf(content, pdf_a=pdf_a, what=N_("LibreOffice's output"))
            except PdfCheckError as exc:
                raise _Retry(Message(exc.template, **exc.values)) from None
            return content
        finally:
            source.unlink(missing_ok=True)
            target.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_folders(parent: str | Path | None = None) -> list[Path]:
    """Remove the work folders of converters whose process is gone (a run killed before it
    could clean up); folders of running processes and of other users are left. Returns
    what was removed."""
    parent = Path(parent or tempfile.gettempdir())
    removed = []
    try:
        candidates = list(parent.glob(f"{FOLDER_PREFIX}*-*"))
    except OSError:
        return removed
    for folder in candidates:
        owner = folder.name[len(FOLDER_PREFIX):].split("-", 1)[0]
        try:
            mine = folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


class _Retry(Exception):
    """An attempt failed in a way that a fresh LibreOffice may not repeat; `reason` is a catalogue message."""

    def __init__(self, reason: Message):
        super().__init__(reason)
        self.reason = reason


_shared: Converter | None = None
_shared_lock = threading.Lock()


def shared_converter() -> Converter:
    """The process-wide converter that `render_pdf` uses when given none; closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            import atexit
            from multiprocessing import util

            _shared = Converter()
            atexit.register(_shared.close)
            # A worker process of a pool ends without running atexit; its finalizers do run.
            util.Finalize(None, _shared.close, exitpriority=10)
        return _shared
