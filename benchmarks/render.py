"""Rendering speed and memory: our engine against plain docxtpl, measured in one run.

- docxtpl: for each document `DocxTemplate(path)`, `render(context, jinja_env, autoescape=True)`,
  `save` (our filters are given to docxtpl's Jinja environment, since the templates use them);
- ours: the engine's prepared template (parsed, pre-processed and compiled once, unchanged
  parts compressed once) rendering the same context; also the whole API call (validation,
  computed tables, rendering), and `render_many` with `--jobs` processes;
- memory: the resident memory of this process before and after rendering 10,000 documents
  through the API (after a warm-up), which must grow by less than 50 MB.

Prints its figures, `ratio_vs_docxtpl=X` last (docxtpl's time per document divided by ours).
Targets: a ratio of at least 5; growth under 50 MB.

    python benchmarks/render.py [--quick] [--form FORM --case CASE] [--jobs 2]
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment  # noqa: E402

from kzcadastre_docs import api  # noqa: E402
from kzcadastre_docs.jobs.batch import render_many  # noqa: E402
from kzcadastre_docs.forms import get_form  # noqa: E402
from kzcadastre_docs.rendering.engine import default_templates_dir  # noqa: E402
from kzcadastre_docs.rendering.environment import FILTERS, _finalize  # noqa: E402


#: Records per task of render_many's process pool (its first results arrive together).
CHUNK = 16


def rss_mb() -> float:
    """This process's resident memory, MB (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def per_document(function, count: int) -> float:
    function()  # warm
    started = time.perf_counter()
    for _ in range(count):
        function()
    return (time.perf_counter() - started) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents (a minute instead of several)")
    parser.add_argument("--form", default="passport-house", help="the form (default: the largest, the passport)")
    parser.add_argument("--case", default="house-almaty-region", help="the sample case of that form")
    parser.add_argument("--lang", default="kk")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the render_many figure (default 2)")
    args = parser.parse_args()
    timed = 20 if args.quick else 100
    batch = 200 if args.quick else 1000
    memory_documents = 2000 if args.quick else 10000

    spec = get_form(args.form)
    data = json.loads((ROOT / "samples" / spec.slug / f"{args.case}.json").read_text(encoding="utf-8"))
    model = api.validate(spec.slug, data)
    context = api.context_for(spec, model, args.lang)
    path = default_templates_dir() / args.lang / f"{spec.slug}.docx"
    print(f"template={path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} case={args.case} "
          f"documents={timed}")

    environment = Environment(autoescape=True, finalize=_finalize)
    environment.filters.update(FILTERS)

    def docxtpl_once():
        document = DocxTemplate(path)
        document.render(context, jinja_env=environment, autoescape=True)
        document.save(io.BytesIO())

    engine = api.renderer()
    baseline = per_document(docxtpl_once, max(5, timed // 5))
    ours = per_document(lambda: engine.render(spec.slug, args.lang, context), timed)
    whole = per_document(lambda: api.render(spec.slug, data, args.lang), timed)
    print(f"docxtpl_per_document={baseline * 1000:.2f}ms")
    print(f"ours_per_document={ours * 1000:.2f}ms  (same context, prepared template)")
    print(f"ours_api_per_document={whole * 1000:.2f}ms  (validation, computed tables, rendering)")

    records = [data] * batch
    started = time.perf_counter()
    first = None
    for result in render_many(spec.slug, records, langs=[args.lang], jobs=args.jobs):
        assert result.ok, result.problems
        if first is None:
            first = time.perf_counter()
    ended = time.perf_counter()
    with_start = (ended - started) / batch
    # Results come a chunk at a time: from the first chunk's arrival on, the processes run.
    steady = (ended - first) / max(1, batch - CHUNK)
    print(f"jobs{args.jobs}_per_document={steady * 1000:.2f}ms  (render_many, {batch} documents, processes "
          f"running; {with_start * 1000:.2f}ms counting their start)")
    print(f"ratio_vs_docxtpl_jobs{args.jobs}={baseline / steady:.1f}")

    memory_data = json.loads((ROOT / "samples" / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))
    for _ in range(200):
        api.render("conclusion", memory_data, "kk")
    gc.collect()
    before = rss_mb()
    for _ in range(memory_documents):
        api.render("conclusion", memory_data, "kk")
    gc.collect()
    after = rss_mb()
    print(f"memory_documents={memory_documents} rss_before={before:.1f}MB rss_after={after:.1f}MB "
          f"rss_growth_mb={after - before:.1f}")
    print(f"ratio_vs_docxtpl={baseline / ours:.1f}")


if __name__ == "__main__":
    main()
