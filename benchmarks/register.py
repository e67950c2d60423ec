"""Assignment throughput of the register of cadastral numbers, one clerk against several at once.

Both runs assign the same number of numbers on the same land plot (one building's premises
and new buildings, alternately), in one run on this machine:

- baseline: one process assigning them all, one after another;
- ours under contention: N processes assigning their share at the same time (the locks of
  the register serialize them; no number is handed out twice, which is checked).

Prints the numbers per second of each and, last, `ratio_concurrent_vs_single=X` (throughput
with N clerks at once divided by one clerk's). A ratio near 1 means concurrent clerks cost
little beyond waiting their turn; well below 1 would mean lock contention is wasting work
(retries, busy waits).

    python benchmarks/register.py [--numbers 200] [--processes 4] [--register PATH_OR_URL]

Without --register, a SQLite file in a temporary folder (each run uses a fresh file; with a
PostgreSQL URL, use an empty database: the run adds its numbers to it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcadastre_docs.register import Register, Specialist  # noqa: E402

CLERK = Specialist.of("Benchmark", "specialist")
DAY = dt.date(2026, 7, 20)


def assign(location: str, plot: str, count: int, start=None, results=None) -> list[str]:
    got = []
    with Register(location) as register:  # opened (and its schema checked) before the clock starts
        if start is not None:
            start.wait()
        for index in range(count):
            change = register.assign(plot, primary="1" if index % 2 else None, specialist=CLERK, on=DAY)
            got.extend(entry.number for entry in change.assigned)
    if results is not None:
        results.put(got)
    return got


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--numbers", type=int, default=200)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--register", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kzcadastre-bench-")

    def location(name: str) -> str:
        return args.register or str(Path(folder) / f"{name}.sqlite")

    single_location, many_location = location("single"), location("many")
    for where, plot in ((single_location, "21:320:135:0001"), (many_location, "21:320:135:0002")):
        with Register(where) as register:  # migrated, primary 1 made, before timing
            register.assign(plot, specialist=CLERK, on=DAY)

    started = time.perf_counter()
    single = assign(single_location, "21:320:135:0001", args.numbers)
    single_time = time.perf_counter() - started

    context = multiprocessing.get_context("spawn")
    start = context.Barrier(args.processes + 1)
    results = context.Queue()
    share = args.numbers // args.processes
    processes = [context.Process(target=assign, args=(many_location, "21:320:135:0002", share, start, results))
                 for _ in range(args.processes)]
    for process in processes:
        process.start()
    start.wait()
    started = time.perf_counter()
    many = [number for _ in processes for number in results.get(timeout=600)]
    many_time = time.perf_counter() - started
    for process in processes:
        process.join()
    if len(many) != len(set(many)):
        print("DUPLICATE NUMBERS HANDED OUT", file=sys.stderr)
        return 1
    single_rate, many_rate = len(single) / single_time, len(many) / many_time
    print(f"register={'sqlite (temporary files)' if args.register is None else args.register}")
    print(f"one_process_numbers_per_s={single_rate:.1f} ({len(single)} numbers)")
    print(f"{args.processes}_processes_numbers_per_s={many_rate:.1f} ({len(many)} numbers, all distinct)")
    print(f"ratio_concurrent_vs_single={many_rate / single_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
