"""Start-up time of the command line: `kzcadastre-docs --help`, `kzcadastre-docs forms` and the
help of a few commands (deadline, fee, render, batch, bundle), this tree against a baseline tree,
measured in the same run on this machine.

The baseline is the package as it was before the command line loaded its library lazily
(commit e74e398 by default; --baseline REV for another), exported with `git archive` into a
temporary folder and run with the same Python, so only the code differs. Each command runs
--runs times in a fresh process, alternating baseline and ours; the median wall time of each is
printed, then `ratio_<command>=X` (baseline time divided by ours) and whether ours is under the
issue's target of 0.3 s.

    python benchmarks/startup.py [--runs 7] [--baseline REV]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "e74e398"
TARGET_SECONDS = 0.3
COMMANDS = (("--help",), ("forms",), ("deadline", "--help"), ("fee", "--help"), ("render", "--help"),
            ("batch", "--help"), ("bundle", "--help"))
RUN = "import sys; sys.path.insert(0, sys.argv.pop(1)); from kzcadastre_docs.cli import main; main()"


def export(revision: str, folder: Path) -> Path:
    """The tree of `revision` (its package, data and templates) under `folder`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def once(tree: Path, args: tuple[str, ...]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", RUN, str(tree), *args], check=True, stdout=subprocess.DEVNULL,
                   env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", default=BASELINE)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzcadastre-startup-") as folder:
        baseline = export(options.baseline, Path(folder))
        for args in COMMANDS:
            once(baseline, args), once(ROOT, args)  # warm the file cache and the bytecode
            theirs, ours = [], []
            for _ in range(options.runs):
                theirs.append(once(baseline, args))
                ours.append(once(ROOT, args))
            name = "_".join(arg.lstrip("-") for arg in args)
            base, mine = statistics.median(theirs), statistics.median(ours)
            print(f"{' '.join(args):<15} baseline {base:.3f} s   ours {mine:.3f} s   "
                  f"{'under' if mine < TARGET_SECONDS else 'OVER'} the {TARGET_SECONDS} s target")
            print(f"ratio_{name}={base / mine:.2f}")


if __name__ == "__main__":
    main()
