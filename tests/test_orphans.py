"""No orphans: LibreOffice, its worker and the batch's worker processes die with the process
that started them, however it ends; stale work folders are removed at the next start;
LibreOffice dying while it starts is retried (issue 16, item 6). A fake LibreOffice (shell
scripts) stands in for the real one, so these run everywhere."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from kzcadastre_docs.pdf.converter import FOLDER_PREFIX, Converter, remove_stale_folders
from kzcadastre_docs.pdf.office import OfficeInstallation

from .conftest import ROOT


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (not yet reaped) is as good as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _wait_gone(pids, seconds=15.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [pid for pid in pids if _alive(pid)]
        if not left:
            return []
        time.sleep(0.1)
    return [pid for pid in pids if _alive(pid)]


@pytest.fixture
def fake_office(tmp_path) -> OfficeInstallation:
    """soffice sleeps (it may fail its first N starts); the 'UNO Python' says ready and waits."""
    soffice = tmp_path / "soffice"
    soffice.write_text(textwrap.dedent("""\
        #!/bin/sh
        count_file="$(dirname "$0")/starts"
        n=$(cat "$count_file" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$count_file"
        fail=$(cat "$(dirname "$0")/fail_first" 2>/dev/null || echo 0)
        if [ "$n" -le "$fail" ]; then echo "soffice: crashed while starting" >&2; exit 9; fi
        exec sleep 1000
        """), encoding="utf-8")
    python = tmp_path / "uno-python"
    python.write_text(textwrap.dedent("""\
        #!/bin/sh
        sleep 0.3
        echo '{"ready": true}'
        while read line; do case "$line" in *quit*) exit 0;; esac; done
        """), encoding="utf-8")
    for script in (soffice, python):
        script.chmod(0o755)
    return OfficeInstallation(soffice, python)


def test_libreoffice_dying_while_starting_is_retried(fake_office):
    (fake_office.soffice.parent / "fail_first").write_text("1")
    converter = Converter(fake_office, start_timeout=10, attempts=3)
    try:
        converter.start()
        assert converter.restarts == 1 and converter.office_process_group is not None
    finally:
        converter.close()


def test_a_libreoffice_that_never_starts_fails_after_the_attempts(fake_office):
    (fake_office.soffice.parent / "fail_first").write_text("9")
    converter = Converter(fake_office, start_timeout=10, attempts=2)
    from kzcadastre_docs.pdf import ConversionError

    with pytest.raises(ConversionError, match="did not start after 2 attempt"):
        converter.start()
    converter.close()


def test_a_killed_owner_takes_libreoffice_and_the_work_folder_with_it(fake_office, tmp_path):
    script = textwrap.dedent(f"""\
        import json, sys, time
        from pathlib import Path
        from kzcadastre_docs.pdf.converter import Converter
        from kzcadastre_docs.pdf.office import OfficeInstallation
        c = Converter(OfficeInstallation(Path({str(fake_office.soffice)!r}), Path({str(fake_office.python)!r})),
                      start_timeout=10)
        c.start()
        p = c._process
        print(json.dumps({{"pids": [p.office.pid, p.worker.pid], "folder": str(c._folder)}}), flush=True)
        time.sleep(1000)
        """)
    owner = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    info = json.loads(owner.stdout.readline())
    assert all(_alive(pid) for pid in info["pids"]) and Path(info["folder"]).is_dir()
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    assert _wait_gone(info["pids"]) == []
    deadline = time.monotonic() + 10
    while Path(info["folder"]).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(info["folder"]).exists()


def test_stale_work_folders_are_removed_when_their_owner_is_gone(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    stale = tmp_path / f"{FOLDER_PREFIX}{dead_pid}-abc"
    live = tmp_path / f"{FOLDER_PREFIX}{os.getpid()}-def"
    for folder in (stale, live):
        (folder / "profile").mkdir(parents=True)
    assert remove_stale_folders(tmp_path) == [stale]
    assert not stale.exists() and live.exists()


def test_a_converter_cleans_stale_folders_when_it_starts(fake_office, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{FOLDER_PREFIX}{int(gone.stdout)}-abc"
    stale.mkdir()
    with Converter(fake_office, start_timeout=10):
        assert not stale.exists()
    assert not list(tmp_path.glob(f"{FOLDER_PREFIX}*"))


def test_batch_workers_die_with_a_killed_parent(tmp_path):
    script = textwrap.dedent("""\
        import json, time
        from kzcadastre_docs.jobs.batch import _Executor
        pool = _Executor("local", 2, None)
        futures = [pool.submit("annex-1", [(1, {})], ("kk",), False, False, None, None) for _ in range(4)]
        [f.result() for f in futures]
        print(json.dumps(list(pool._pool._processes)), flush=True)
        time.sleep(1000)
        """)
    owner = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    workers = json.loads(owner.stdout.readline())
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    assert _wait_gone(workers) == []
