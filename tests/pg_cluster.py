"""A throwaway PostgreSQL cluster for the register's tests: initdb and pg_ctl in a temporary
folder, on a free port of 127.0.0.1, trust authentication, removed afterwards.

PostgreSQL refuses to run as root; as root, the cluster runs as the `postgres` user (or
`nobody`), through setpriv. The binaries are found in $KZCADASTRE_PG_BIN, on the PATH, or in
Debian's /usr/lib/postgresql/<version>/bin.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class ClusterUnavailable(RuntimeError):
    pass


def find_binaries() -> Path:
    candidates = [os.environ.get("KZCADASTRE_PG_BIN", "")]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise ClusterUnavailable("PostgreSQL's initdb and pg_ctl were not found (Debian package postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self):
        self.bin = find_binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="kzcadastre-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                user = pwd.getpwnam("nobody")
            self.prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self.prefix, *args], capture_output=True, text=True, timeout=120, cwd=self.folder)
        if result.returncode != 0:
            raise ClusterUnavailable(f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> Cluster:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off -c max_connections=50"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "-t", "60", "start")
        return self

    def new_database(self, name: str) -> str:
        self._run(str(self.bin / "psql") if (self.bin / "psql").is_file() else "psql", "-h", "127.0.0.1",
                  "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                subprocess.run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                "-w", "stop"], capture_output=True, timeout=60)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
