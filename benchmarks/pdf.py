"""PDF conversion speed: the persistent converter against one `soffice --convert-to pdf` per document.

Both convert the same documents (rendered from the samples) in one run, on this machine:

- baseline: for each document, `soffice --headless --convert-to pdf` (a new LibreOffice
  process per document, as a script calling soffice would; its profile is created by an
  untimed warm-up call first, so the baseline is not charged for that);
- ours: one `kzcadastre_docs.pdf.Converter`, started once (its start is reported apart),
  converting the documents one after another, each checked as a readable PDF.

Prints the time per document of each and, last, `ratio_vs_soffice=X` (baseline time per
document divided by ours). The issue's target is a ratio of at least 5.

    python benchmarks/pdf.py [--documents 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcadastre_docs import api  # noqa: E402
from kzcadastre_docs.forms import modelled_form  # noqa: E402
from kzcadastre_docs.pdf import Converter, check_pdf, find_office  # noqa: E402


def sample_documents(count: int) -> list[api.RenderedDocument]:
    """`count` documents rendered from the samples, taking each form in turn (then each language)."""
    by_form: dict[str, list[api.RenderedDocument]] = {}
    for path in sorted((ROOT / "samples").glob("*/*.json")):
        spec = modelled_form(path.parent.name)
        if not spec.renderable:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        by_form.setdefault(spec.slug, []).extend(api.render_document(spec.slug, data, lang) for lang in spec.languages)
    rounds = max(len(documents) for documents in by_form.values())
    documents = [group[i] for i in range(rounds) for group in by_form.values() if i < len(group)]
    return [documents[i % len(documents)] for i in range(count)]


def baseline(soffice: Path, files: list[Path], folder: Path) -> float:
    """Seconds for one soffice --convert-to call per file (after one untimed warm-up call)."""
    profile = (folder / "profile").as_uri()
    out = folder / "soffice-out"

    def convert(path: Path) -> None:
        subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), str(path)],
                       check=True, capture_output=True, timeout=300)
        produced = out / (path.stem + ".pdf")
        check_pdf(produced.read_bytes(), what=str(produced))

    convert(files[0])  # creates the profile: not timed
    started = time.perf_counter()
    for path in files:
        convert(path)
    return time.perf_counter() - started


def persistent(documents: list[api.RenderedDocument]) -> tuple[float, float]:
    """(start seconds, conversion seconds) of one Converter converting every document."""
    converter = Converter()
    started = time.perf_counter()
    converter.start()
    start = time.perf_counter() - started
    try:
        started = time.perf_counter()
        for document in documents:
            api.to_pdf(document, converter=converter)
        return start, time.perf_counter() - started
    finally:
        converter.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20, help="how many documents (default 20)")
    args = parser.parse_args()
    office = find_office()
    documents = sample_documents(args.documents)
    with tempfile.TemporaryDirectory(prefix="kzcadastre-bench-") as tmp:
        folder = Path(tmp)
        files = []
        for number, document in enumerate(documents, start=1):
            path = folder / f"{number:02d}-{document.form}.{document.lang}.docx"
            path.write_bytes(document.docx)
            files.append(path)
        print(f"documents={len(documents)} forms={len({d.form for d in documents})} soffice={office.soffice}")
        base = baseline(office.soffice, files, folder) / len(files)
        print(f"soffice_per_document={base * 1000:.0f}ms")
        start, total = persistent(documents)
        ours = total / len(documents)
        print(f"persistent_start={start * 1000:.0f}ms persistent_per_document={ours * 1000:.0f}ms")
        print(f"ratio_with_start={base * len(documents) / (start + total):.1f}")
        print(f"ratio_vs_soffice={base / ours:.1f}")


if __name__ == "__main__":
    main()
