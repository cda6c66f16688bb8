"""Uploaded bytes on disk only while they are read: private folders, names we choose, gone at once.

The readers work on paths (DuckDB reads a CSV file, the workbook parser runs in a child
process), so an upload is written to a file for the length of one read and deleted right
after, refused or not. Nothing the browser sends goes into a path: Streamlit lets the browser
choose an upload's ``file_id``, and a path built from it could hold ``..`` or a glob that
makes DuckDB read another session's file. The folders are 0700 and the files 0600, in a root
of this user's own; the files of one process sit in a folder of its own, and folders left by a
process that died are removed when the next one starts. The bytes on disk at once are capped.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from referral_analytics import messages
from referral_analytics.ingest.read.problems import refuse

ROOT_PREFIX = "referral-analytics-uploads"


def private_root(base: Path | None = None) -> Path:
    """This user's upload root under ``base`` (the temp dir): a real 0700 folder we own.

    Raises:
        PermissionError: The path exists and is a link, or someone else's folder (in a shared
            /tmp another user could have made it first to read what we write).
    """
    root = Path(base or tempfile.gettempdir()) / f"{ROOT_PREFIX}-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    info = root.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(f"{root} is not a private folder of this user")
    root.chmod(0o700)
    return root


class UploadSpool:
    """Where this process puts uploads while it reads them; at most ``max_bytes`` at once."""

    def __init__(self, max_bytes: int, base: Path | None = None) -> None:
        root = private_root(base)
        _remove_orphans(root)
        self.folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
        self.max_bytes = max_bytes
        self._held = 0
        self._lock = threading.Lock()

    @contextmanager
    def spooled(self, data: bytes | memoryview, file_name: str) -> Iterator[Path]:
        """``data`` in a new private file for the ``with`` block; deleted when it ends.

        Raises:
            ReadError: Other uploads already hold the room on disk (names ``file_name``).
        """
        size = len(data)
        with self._lock:
            if self._held + size > self.max_bytes:
                raise refuse(file_name, messages.UPLOAD_SPOOL_FULL)
            self._held += size
        try:
            handle, name = tempfile.mkstemp(dir=self.folder)  # 0600, a name of our own
            path = Path(name)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                yield path
            finally:
                path.unlink(missing_ok=True)
        finally:
            with self._lock:
                self._held -= size

    def files(self) -> list[Path]:
        """What is on disk now (nothing, between reads)."""
        return sorted(self.folder.iterdir())


def _remove_orphans(root: Path) -> None:
    """Remove the folders of processes that are gone (a kill -9 mid-read leaves one)."""
    for folder in root.iterdir():
        pid = folder.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True
