"""Red-team run of issue 16's cases against the real command line.

    .venv/bin/python tools/red_team.py [--quick]

Each case runs `kzcadastre-docs` in a subprocess (its own session, with a time limit) and
checks what the issue demands: the documented exit status, no traceback, no hang, no lost
register entry, no half-written batch record, every record accounted for, and no process
left behind (every process a case starts carries a marker in its environment; any process
still carrying it afterwards is an orphan). `--quick` leaves out the cases that need
LibreOffice. Prints one line per case and exits 1 if any case failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORM = "notice-data-entered"
SAMPLE = json.loads((SAMPLES / FORM / "apartment-astana.json").read_text(encoding="utf-8"))
MARKER = "KZCADASTRE_RED_TEAM"
RESULTS: list[tuple[str, bool, str]] = []


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kzcadastre_docs", *args]


def run(case: str, *args: str, timeout: float = 120, env: dict | None = None, cwd: Path = ROOT):
    environment = dict(os.environ, **(env or {}), **{MARKER: case})
    try:
        done = subprocess.run(command(*args), capture_output=True, text=True, timeout=timeout, cwd=cwd,
                              env=environment, start_new_session=True, errors="replace")
    except subprocess.TimeoutExpired:
        return None
    return done


def left_behind(case: str) -> list[str]:
    """Processes still carrying the case's marker (after a moment for them to go)."""
    deadline = time.monotonic() + 10
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                environ = (entry / "environ").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if f"{MARKER}={case}\0".encode() in environ and state != "Z":
                found.append(f"{entry.name}: {(entry / 'cmdline').read_bytes()[:80]!r}")
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def check(case: str, ok: bool, detail: str = "") -> None:
    orphans = left_behind(case)
    if orphans:
        ok, detail = False, f"{detail}; left behind: {orphans}"
    RESULTS.append((case, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {case}: {detail}", flush=True)


def clean(done, status: int) -> tuple[bool, str]:
    if done is None:
        return False, "hung (time limit reached)"
    text = done.stdout + done.stderr
    if "Traceback" in text:
        return False, f"traceback (exit {done.returncode})"
    if done.returncode != status:
        return False, f"exit {done.returncode}, expected {status}: {text.strip()[-200:]}"
    return True, f"exit {status}, {text.strip().splitlines()[-1][:100] if text.strip() else 'no output'}"


def register_cases(work: Path) -> None:
    register = work / "register.yaml"
    text = ("# shared register: keep me\n" + "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in json.loads(
            (SAMPLES / "inventory-file" / "house-almaty-region.json").read_text(encoding="utf-8")).items()) + "\n")
    register.write_text(text, encoding="utf-8")
    os.chmod(register, 0o644)
    link = work / "link.yaml"
    link.symlink_to(register)
    environment = dict(os.environ, **{MARKER: "concurrent inventory-add"})
    processes = [subprocess.Popen(command("inventory-add", str(link if n % 2 else register), "--document",
                                          f"Акт {n}", "--date", "2026-11-27", "--sheets", "1"),
                                  cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for n in range(20)]
    outputs = [process.communicate(timeout=300) for process in processes]
    codes = [process.returncode for process in processes]
    sys.path.insert(0, str(ROOT))
    from kzcadastre_docs.files import load_data

    entries = load_data(register)["entries"]
    added = sorted(entry["document"] for entry in entries
                   if isinstance(entry["document"], str) and entry["document"].startswith("Акт "))
    ok = (codes == [0] * 20 and added == sorted(f"Акт {n}" for n in range(20)) and link.is_symlink()
          and register.read_text(encoding="utf-8").startswith("# shared register: keep me\n")
          and oct(register.stat().st_mode & 0o777) == "0o644" and not any("Traceback" in o[1] for o in outputs))
    check("concurrent inventory-add", ok, f"20 adds (half through a symlink): {len(added)} entries kept, "
                                          f"exit codes {sorted(set(codes))}, mode {oct(register.stat().st_mode & 0o777)}")


def case_file_cases(work: Path) -> None:
    folder = work / "case"
    folder.mkdir()
    (work / "secret.json").write_text(json.dumps({"password": "hunter2-secret"}), encoding="utf-8")
    (folder / "link.json").symlink_to(work / "secret.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    for name, data in (("absolute path", str(work / "secret.json")), ("../ path", "../secret.json"),
                       ("symlink out of the root", "link.json"), ("/dev/zero", "zero.json")):
        case = folder / "case.json"
        case.write_text(json.dumps({"documents": [{"form": "abris", "data": data}]}), encoding="utf-8")
        done = run(f"case data: {name}", "bundle", str(case), "--docx-zip", "-o", str(work / "out.zip"), timeout=60)
        ok, detail = clean(done, 2)
        if done is not None and "hunter2" in done.stdout + done.stderr:
            ok, detail = False, "echoed the other file's value"
        check(f"case data: {name}", ok, detail)


HOSTILE_TEMPLATES = {
    "nested range loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "n**(n**n)": "{% set n = 9 %}{{ n ** (n ** n) }}",
    "'a'*10**9": "{{ 'a' * 10 ** 9 }}",
    "center(2e9)": "{{ number|center(2000000000) }}",
    "lipsum(n=10**6)": "{{ lipsum(n=10 ** 6) }}",
    "include": "{% include 'word/styles.xml' %}",
}


def template_cases(work: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import io
    import zipfile

    from kzcadastre_docs.docx import Package
    from kzcadastre_docs.rendering.engine import default_templates_dir

    shipped = Package.read(default_templates_dir() / "kk" / f"{FORM}.docx")
    data = work / "data.json"
    data.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8")
    variants = {name: shipped.replaced({"word/document.xml": shipped.get("word/document.xml").replace(
        b"{{ number }}", tag.encode(), 1)}).to_bytes() for name, tag in HOSTILE_TEMPLATES.items()}
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in shipped.parts:
            archive.writestr(name, content)
        archive.writestr("word/media/bomb.bin", b"\0" * (400 * 1024 * 1024))
    variants["zip of 400 MB in a small file"] = bomb.getvalue()
    variants["symlink to /dev/zero"] = None
    for name, content in variants.items():
        folder = work / f"tpl-{len(os.listdir(work))}"
        (folder / "kk").mkdir(parents=True)
        target = folder / "kk" / f"{FORM}.docx"
        if content is None:
            target.symlink_to("/dev/zero")
        else:
            target.write_bytes(content)
        checked = run(f"template: {name}", "check-templates", "--templates", str(folder), timeout=60)
        ok, detail = clean(checked, 1)
        rendered = run(f"template: {name}", "render", FORM, "--data", str(data), "--lang", "kk", "-o",
                       str(work / "t.docx"), "--templates", str(folder), timeout=60)
        ok2, detail2 = clean(rendered, 2)  # a template that fails the check is invalid input (README)
        check(f"template: {name}", ok and ok2 and not (work / "t.docx").exists(),
              f"check-templates {detail}; render {detail2}")


def exit_status_cases(work: Path) -> None:
    files = {"deep.json": "[" * 10000 + "]" * 10000, "huge.json": '{"number": ' + "9" * 5000 + "}",
             "surrogate.json": '{"number": "\\ud800"}', "zero-width.json": json.dumps(
                 dict(SAMPLE, applicant=dict(SAMPLE["applicant"], last_name="С\u200bə\u200bтбаев"))),
             "long.json": json.dumps(dict(SAMPLE, number="x" * 50_000_000)),
             "long-value.json": json.dumps(dict(SAMPLE, number="x" * 10_000_000))}
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    cases = [
        ("deep JSON", ["validate", FORM, "--data", str(work / "deep.json")], 2),
        ("5000-digit integer", ["validate", FORM, "--data", str(work / "huge.json")], 2),
        ("lone surrogate, --format json", ["validate", FORM, "--data", str(work / "surrogate.json"), "--format",
                                           "json"], 2),
        ("zero-width mixed-script word", ["validate", FORM, "--data", str(work / "zero-width.json")], 2),
        ("50 MB value", ["validate", FORM, "--data", str(work / "long.json")], 2),
        ("10 MB value", ["validate", FORM, "--data", str(work / "long-value.json")], 2),
        ("year 9999 in deadline", ["deadline", "--service", "passport", "--object-type", "apartment",
                                   "--submitted", "9999-12-31T10:00"], 2),
        ("huge --area in fee", ["fee", "--service", "passport", "--object-type", "other", "--area", "1e400000",
                                "--on", "2026-03-02"], 2),
    ]
    for name, args, status in cases:
        done = run(name, *args, timeout=120)
        ok, detail = clean(done, status)
        if ok and name.endswith("MB value") and len(done.stderr) > 5000:
            ok, detail = False, f"echoed {len(done.stderr)} characters"
        check(name, ok, detail)
    done = run("deadline with Z", "deadline", "--service", "passport", "--object-type", "apartment", "--submitted",
               "2026-03-02T14:00Z", "--format", "json")
    accepted = json.loads(done.stdout)["accepted_on"] if done is not None and done.returncode == 0 else None
    check("deadline with Z", accepted == "2026-03-03", f"14:00Z is 19:00 in Astana: accepted on {accepted}")


def batch_cases(work: Path, pdf: bool) -> None:
    lines = [json.dumps(dict(SAMPLE, number=f"N-{n:04d}"), ensure_ascii=False) for n in range(400)]
    lines[3] = "[" * 10000 + "]" * 10000
    lines[5] = '{"number": ' + "9" * 5000 + "}"
    source = work / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv_file = work / "in.csv"
    csv_file.write_text("document_date,number,number.part,notes[999999999]\n2026-11-24,N,x,y\n", encoding="utf-8")
    done = run("batch: bad lines", "batch", "--form", FORM, "--input", str(csv_file), "-o", str(work / "csv"),
               timeout=120)
    ok, detail = clean(done, 1)
    rows = (work / "csv" / "errors.jsonl").read_text(encoding="utf-8").splitlines() if ok else []
    check("batch: conflicting CSV paths, field[999999999]", ok and len(rows) == 1, f"{detail}; {len(rows)} row(s)")

    for signum, jobs in ((signal.SIGINT, "1"), (signal.SIGTERM, "2"), (signal.SIGKILL, "2")):
        output = work / f"out-{signum.name}"
        output.mkdir()
        (output / "errors.jsonl").write_text('{"record": 9999, "message": "stale"}\n', encoding="utf-8")
        case = f"batch: {signum.name} with --jobs {jobs}" + (" --pdf" if pdf else "")
        environment = dict(os.environ, **{MARKER: case})
        process = subprocess.Popen(command("batch", "--form", FORM, "--input", str(source), "-o", str(output),
                                           "--jobs", jobs, *(["--pdf"] if pdf else [])),
                                   cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        deadline = time.monotonic() + 120
        while len(list(output.glob("*.docx"))) < 20 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        process.send_signal(signum)
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            check(case, False, "did not end after the signal")
            continue
        files = sorted(path.name for path in output.iterdir() if not path.name.startswith("."))
        by_record: dict[int, set[str]] = {}
        for name in files:
            if name != "errors.jsonl":
                by_record.setdefault(int(name[:6]), set()).add(name.split(".", 1)[1])
        expected = {"kk.docx", "ru.docx"} | ({"kk.pdf", "ru.pdf"} if pdf else set())
        half = [number for number, kinds in by_record.items() if kinds != expected]
        rows = [json.loads(line) for line in (output / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
        reported = {row["record"] for row in rows}
        temporaries = [path.name for path in output.iterdir() if path.name.startswith(".")]
        if signum == signal.SIGKILL:
            # Killed outright nothing can write the rest; what is there must still be true.
            ok = not half and 9999 not in reported and set(by_record).isdisjoint(reported)
            detail = (f"{len(by_record)} records written whole, {len(reported)} reported as they failed, "
                      f"{len(temporaries)} temporary file(s)")
        else:
            accounted = set(by_record) | reported
            ok = (not half and accounted == set(range(1, 401)) and "Traceback" not in stderr
                  and set(by_record).isdisjoint(reported) and process.returncode == 1)
            detail = (f"exit {process.returncode}; {len(by_record)} records written whole, {len(reported)} in the "
                      f"report (of which {sum(1 for r in rows if r['rule'] == 'not_reached')} not reached), "
                      f"{len(half)} half-written")
        check(case, ok, detail)

    if shutil.which("mount") and os.geteuid() == 0:
        small = work / "small"
        small.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(small)],
                          capture_output=True).returncode == 0:
            try:
                done = run("batch: full disk", "batch", "--form", FORM, "--input", str(source), "-o", str(small),
                           timeout=120)
                ok, detail = clean(done, 1)
                names = [path.name for path in small.iterdir()]
                half = {name[:6] for name in names if name.endswith(".kk.docx")} ^ {
                    name[:6] for name in names if name.endswith(".ru.docx")}
                full_row = "disk_full" in (small / "errors.jsonl").read_text(encoding="utf-8")
                check("batch: full disk", ok and not half and full_row,
                      f"{detail}; half-written records: {sorted(half)}; disk_full row: {full_row}")
            finally:
                subprocess.run(["umount", str(small)], capture_output=True)
        else:
            print("SKIP  batch: full disk (cannot mount a small tmpfs here)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the cases that need LibreOffice")
    options = parser.parse_args()
    os.umask(0o022)
    sys.path.insert(0, str(ROOT))
    from kzcadastre_docs.pdf import office_available

    pdf = office_available() and not options.quick
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="red-team-") as folder:
        work = Path(folder)
        for group in (register_cases, case_file_cases, template_cases, exit_status_cases):
            sub = work / group.__name__
            sub.mkdir()
            group(sub)
        sub = work / "batch"
        sub.mkdir()
        batch_cases(sub, pdf)
    failed = [case for case, ok, _ in RESULTS if not ok]
    print(f"{len(RESULTS)} case(s), {len(failed)} failed, in {time.monotonic() - started:.0f} s"
          + ("" if pdf else " (without LibreOffice)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
