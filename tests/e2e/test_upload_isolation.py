"""Uploads in Chromium, attacked as a second user would: a forged file id reads nothing else.

Streamlit lets the browser choose an upload's ``file_id`` (``PUT /_stcore/upload_file/{session}/
{file_id}`` takes any). The attacker's page here rewrites the id the server hands out (in the
websocket's FileURLsResponse) and sends its upload under that id with a raw HTTP request (a
browser would normalise ``..`` away). Whatever the id, the attacker sees its own rows or a
refusal, never the victim's, and nothing is written outside the upload folder.
"""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import build_demo_db
from tests.e2e.conftest import Server, serving

# As many rows each: a forged read of the victim's file then passes every count check, and
# its rows are what the attacker's page would show.
VICTIM_ROWS = ATTACKER_ROWS = 3
ROOT_NAME = f"referral-analytics-uploads-{os.getuid()}"


def people(prefix: str, n: int) -> bytes:
    lines = ["Full Name,Email,Phone"] + [
        f"{prefix} {i},{prefix.lower().replace(' ', '')}{i}@example.com,05{i:08d}" for i in range(n)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def upload_server(tmp_path) -> Iterator[tuple[Server, Path]]:
    """A server whose temporary folder is the test's own, so every file it writes is seen."""
    temp = tmp_path / "server-tmp"
    temp.mkdir()
    store = build_demo_db(tmp_path / "uploads.duckdb", 200)
    with serving(store, tmp_path / "streamlit.log", env={"TMPDIR": str(temp)}) as running:
        yield running, temp


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def open_import(page, url: str) -> None:
    page.goto(f"{url}/data_import")
    expect(page.get_by_role("heading", name="Import CRM exports")).to_be_visible()


def upload(page, path: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))


def multipart(path: Path) -> tuple[bytes, str]:
    """The upload's body as the browser sends it (Playwright does not expose a file body)."""
    boundary = "----referral-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{path.name}"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def forge_file_id(page, forged: str, file: Path) -> None:
    """Make this page upload ``file`` under ``forged`` instead of the id the server chose."""

    def rewrite_ids(ws) -> None:
        server = ws.connect_to_server()

        def from_server(message) -> None:
            if isinstance(message, bytes):
                msg = ForwardMsg()
                msg.ParseFromString(message)
                if msg.WhichOneof("type") == "file_urls_response":
                    for urls in msg.file_urls_response.file_urls:
                        urls.file_id = forged
                    message = msg.SerializeToString()
            ws.send(message)

        server.on_message(from_server)

    def raw_put(route) -> None:
        request = route.request
        if request.method != "PUT":
            route.continue_()
            return
        url = urlsplit(request.url)
        session = url.path.rstrip("/").split("/")[-2]
        path = f"/_stcore/upload_file/{session}/{quote(forged, safe='.')}"
        body, content_type = multipart(file)
        headers = {k: v for k, v in request.all_headers().items()
                   if k.lower() not in {"content-length", "host", "content-type"}
                   and not k.startswith(":")}  # fmt: skip
        headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            connection.request("PUT", path, body=body, headers=headers)
            reply = connection.getresponse()
            route.fulfill(status=reply.status, body=reply.read())
        finally:
            connection.close()

    page.route_web_socket("**/_stcore/stream", rewrite_ids)
    page.route("**/_stcore/upload_file/**", raw_put)


@pytest.mark.parametrize("forged", ["[0-9a-f]*", "*", ".."])
def test_a_forged_file_id_never_shows_another_sessions_upload(
    browser, upload_server, tmp_path, forged
):
    server, temp = upload_server
    victim_file, attacker_file = tmp_path / "victim.csv", tmp_path / "attacker.csv"
    victim_file.write_bytes(people("Victim Secret", VICTIM_ROWS))
    attacker_file.write_bytes(people("Attacker Row", ATTACKER_ROWS))
    victim_context = browser.new_context()
    attacker_context = browser.new_context()
    try:
        victim = victim_context.new_page()
        open_import(victim, server.url)
        upload(victim, victim_file)
        expect(victim.get_by_text(f"Ready: {VICTIM_ROWS} of {VICTIM_ROWS} rows")).to_be_visible()

        attacker = attacker_context.new_page()
        forge_file_id(attacker, forged, attacker_file)
        open_import(attacker, server.url)
        upload(attacker, attacker_file)
        expect(attacker.get_by_text("attacker.csv").first).to_be_visible()
        own = attacker.get_by_text(f"Ready: {ATTACKER_ROWS} of {ATTACKER_ROWS} rows")
        expect(own).to_be_visible()
        # The grids draw on a canvas; their cells are also in the page for screen readers.
        attacker.wait_for_function("() => document.body.innerHTML.includes('Attacker Row')")
        assert "Victim Secret" not in attacker.content()
    finally:
        attacker_context.close()
        victim_context.close()
    # Nothing outside the upload root, and nothing left in it once each file was read.
    written = files_under(temp)
    assert all(ROOT_NAME in p.parts for p in written), written
    assert written == []


def test_uploads_leave_no_file_after_an_import_a_refusal_and_a_closed_session(
    browser, upload_server, tmp_path
):
    server, temp = upload_server
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(people("Kept Person", 4))
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 4000)
    context = browser.new_context()
    page = context.new_page()
    open_import(page, server.url)
    upload(page, good)
    expect(page.get_by_text("Ready: 4 of 4 rows")).to_be_visible()
    page.get_by_role("button", name="Import 1 file (4 rows)").click()
    expect(page.get_by_text("good.csv: loaded")).to_be_visible()
    assert files_under(temp) == []
    upload(page, bad)
    expect(page.get_by_text("“bad.csv” is not a CSV or spreadsheet file")).to_be_visible()
    assert files_under(temp) == []
    context.close()
    assert files_under(temp) == []
    root = temp / ROOT_NAME
    folders = [p for p in root.rglob("*") if p.is_dir()]
    assert all(oct(p.stat().st_mode & 0o777) == "0o700" for p in [root, *folders])
