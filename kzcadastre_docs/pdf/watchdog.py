"""The converter's watchdog: a tiny process that outlives nothing.

`converter.py` starts it next to each LibreOffice and UNO worker as
``python watchdog.py FOLDER PGID...`` with a pipe on its standard input whose only writer
is the converter's process. When that process ends without dismissing the watchdog (it was
killed, even with SIGKILL, or crashed), the pipe reaches end-of-file and the watchdog kills
the process groups (LibreOffice, the worker) and removes the work folder. A converter that
stops normally writes "x" first, and the watchdog leaves quietly. Standard library only.
"""

import os
import shutil
import signal
import sys


def main(argv):
    folder, groups = argv[1], [int(group) for group in argv[2:]]
    try:
        dismissed = sys.stdin.buffer.read(1) == b"x"
    except (OSError, KeyboardInterrupt):
        dismissed = False
    if dismissed:
        return 0
    for group in groups:
        try:
            os.killpg(group, signal.SIGKILL)
        except OSError:
            pass
    if folder != "-":
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
