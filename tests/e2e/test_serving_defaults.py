"""``streamlit run app.py`` with the project's settings listens on loopback only.

Read from the kernel's socket table (/proc/net/tcp and tcp6): no connection to any other
address is made to find out.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, build_demo_db


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket in LISTEN state on ``port``."""
    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # /proc prints each 32-bit word in host (little-endian) order.
            ordered = b"".join(raw[i : i + 4][::-1] for i in range(0, width, 4))
            family = socket.AF_INET if width == 4 else socket.AF_INET6
            found.add(socket.inet_ntop(family, ordered))
    return found


def test_the_app_listens_on_loopback_only_by_default(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "REFERRAL_DB": str(build_demo_db(tmp_path / "s.duckdb", 100))}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
    ]  # fmt: skip  (no --server.address: the default)
    log = (tmp_path / "streamlit.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)  # polling a socket on loopback
        addresses = listening_addresses(port)
        assert addresses == {"127.0.0.1"}, addresses
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
