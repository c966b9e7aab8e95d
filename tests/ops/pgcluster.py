"""A private PostgreSQL cluster for tests that stop and start the server: the machine's
shared server on 127.0.0.1:5432 serves other test runs and must never be restarted.

Debian's server binaries (/usr/lib/postgresql/<version>/bin) run it on a free loopback port,
its data and socket in a temporary directory. ``initdb`` refuses to run as root, so as root
every server command runs as the ``postgres`` system user, in a directory that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.mail import free_port

DEBIAN_SERVERS = Path("/usr/lib/postgresql")


def server_bin() -> Path | None:
    """The newest version's bin directory that has both initdb and pg_ctl."""
    found = [
        path / "bin"
        for path in DEBIAN_SERVERS.glob("*")
        if (path / "bin" / "initdb").exists() and (path / "bin" / "pg_ctl").exists()
    ]
    return max(
        found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, default=None
    )


def require_server_bin() -> Path:
    """The binaries, or a skip with the reason; under CI=true their absence fails."""
    found = server_bin()
    if found is None:
        reason = (
            f"no PostgreSQL server binaries under {DEBIAN_SERVERS}/*/bin (apt install postgresql)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


class PrivateCluster:
    """initdb, start, stop (fast or immediate, i.e. a crash), start again, remove."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="huddle-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        settings = [
            "listen_addresses = '127.0.0.1'",
            f"port = {self.port}",
            f"unix_socket_directories = '{self.root}'",
            # No flush to disk: a stop, even an immediate one, is not a power cut, so what
            # was committed is in the kernel's cache and the server recovers it from there.
            "fsync = off",
            "full_page_writes = off",
            "max_connections = 50",
        ]
        # Root may append to the postgres user's file; the file keeps its owner.
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n".join(settings) + "\n")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        self._run("pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data), "-l", str(self.log))

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "stop", "-w", "-t", "30", "-m", mode, "-D", str(self.data))

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                self._command("pg_ctl", "stop", "-m", "immediate", "-D", str(self.data)),
                capture_output=True,
                check=False,
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin / program), *args]
        return ["runuser", "-u", "postgres", "--", *command] if self._as_root else command

    def _run(self, program: str, *args: str) -> None:
        started = time.monotonic()
        done = subprocess.run(
            self._command(program, *args), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            server_log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{program} {' '.join(args)} failed after {time.monotonic() - started:.1f}s: "
                f"{done.stderr.strip()}\n{server_log}"
            )
