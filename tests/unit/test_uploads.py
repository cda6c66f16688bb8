"""Uploads on disk: private, named by us, gone after the read, capped; glob names read literally."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from referral_analytics.ingest.read import ReadError, read_table
from referral_analytics.ingest.read.uploads import ROOT_PREFIX, UploadSpool, private_root


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_an_upload_is_a_private_file_only_while_it_is_read(tmp_path):
    spool = UploadSpool(10_000, base=tmp_path)
    with spool.spooled(b"a,b\n1,2\n", "people.csv") as path:
        assert path.read_bytes() == b"a,b\n1,2\n"
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        assert "people" not in path.name  # a name of ours, nothing the browser sent
    assert spool.files() == []


def test_a_refused_read_deletes_the_upload_too(tmp_path):
    spool = UploadSpool(10_000, base=tmp_path)
    with pytest.raises(ReadError), spool.spooled(b"\x00\x01binary\x00" * 100, "bad.csv") as path:
        read_table(path, file_name="bad.csv")
    assert spool.files() == []


def test_uploads_held_at_once_are_capped_and_the_refusal_names_the_file(tmp_path):
    spool = UploadSpool(1_000, base=tmp_path)
    with spool.spooled(b"x" * 600, "first.csv"):
        with pytest.raises(ReadError, match="“second.csv” cannot be read right now"):
            with spool.spooled(b"y" * 600, "second.csv"):
                pass
    with spool.spooled(b"y" * 600, "second.csv") as path:  # room again once the first is read
        assert path.stat().st_size == 600


def test_concurrent_reads_never_hold_more_than_the_cap(tmp_path):
    spool = UploadSpool(2_500, base=tmp_path)
    held, refused, gate = [], [], threading.Barrier(4)

    def read(i: int) -> None:
        gate.wait()
        try:
            with spool.spooled(b"z" * 1_000, f"f{i}.csv"):
                held.append(sum(p.stat().st_size for p in spool.files()))
                gate_done.wait()
        except ReadError:
            refused.append(i)
            gate_done.wait()

    gate_done = threading.Barrier(4)
    threads = [threading.Thread(target=read, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(refused) == 2 and max(held) <= 2_500
    assert spool.files() == []


def test_folders_of_a_process_that_died_are_removed_on_the_next_start(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    root = private_root(tmp_path)
    orphan = root / f"{dead}-abc"
    orphan.mkdir()
    (orphan / "tmpx").write_bytes(b"left by a kill -9")
    alive = root / f"{os.getpid()}-def"
    alive.mkdir()
    UploadSpool(1_000, base=tmp_path)
    assert not orphan.exists()
    assert alive.exists()


def test_an_upload_root_made_by_a_link_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f"{ROOT_PREFIX}-{os.getuid()}").symlink_to(elsewhere)
    with pytest.raises(PermissionError):
        private_root(tmp_path)


@pytest.mark.parametrize("name", ["*.csv", "[ab].csv", "leads {2026}.csv", "who?.csv"])
def test_a_csv_whose_name_is_a_glob_reads_only_itself(tmp_path, name):
    for other in ("a.csv", "b.csv", "leads 2.csv", "whom.csv"):
        (tmp_path / other).write_text("Name,Email\nOther Person,other@example.com\n")
    path = tmp_path / name
    path.write_text("Name,Email\nOwn Person,own@example.com\n")
    raw = read_table(path)
    assert raw.table.num_rows == 1
    assert raw.table.column(0).to_pylist() == ["Own Person"]
