"""Bad input over HTTP gets the right 4xx with the core's message, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pymupdf
import pytest

from tests.conftest import fixture_pdfs
from tests.servers import Api, SchedgenProcess, base_env, serve_process

MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SchedgenProcess]:
    tmp = tmp_path_factory.mktemp("bad-input")
    process = serve_process(base_env(data_dir=str(tmp / "data")), tmp)
    process.start()
    yield process
    process.stop()


@pytest.fixture
def api(server: SchedgenProcess) -> Iterator[Api]:
    client = Api(server.base_url)
    yield client
    client.close()


def blank_pdf(pages: int) -> bytes:
    document = pymupdf.open()
    for _ in range(pages):
        document.new_page()
    return bytes(document.tobytes())


def encrypted_pdf() -> bytes:
    document = pymupdf.open(fixture_pdfs()[0])
    return bytes(
        document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="o")
    )


def assert_error(response: httpx.Response, status: int, code: str, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert words in body["detail"]


def test_not_a_pdf(api: Api) -> None:
    response = api.upload(b"hello, this is text", "notes.pdf")
    assert_error(response, 415, "not_a_pdf", "not a PDF file")


def test_empty_file(api: Api) -> None:
    assert_error(api.upload(b"", "empty.pdf"), 400, "empty_file", "the file is empty")


def test_too_many_pages(api: Api) -> None:
    response = api.upload(blank_pdf(101), "long.pdf")
    assert_error(response, 422, "too_many_pages", "the PDF has 101 pages; the limit is 100")


def test_encrypted(api: Api) -> None:
    response = api.upload(encrypted_pdf(), "locked.pdf")
    assert_error(response, 422, "encrypted_pdf", "password-protected")


def test_damaged(api: Api) -> None:
    damaged = fixture_pdfs()[0].read_bytes()[:300]
    response = api.upload(damaged, "cut.pdf")
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "corrupt_pdf"


def test_not_a_schedule(api: Api) -> None:
    response = api.upload(blank_pdf(1), "blank.pdf")
    assert_error(response, 422, "not_a_schedule", "not a UP schedule")


def test_wrong_field_name(api: Api) -> None:
    response = api.http.post(
        "/api/v1/uploads", files={"pdf": ("a.pdf", fixture_pdfs()[0].read_bytes())}
    )
    assert_error(response, 400, "bad_request", "field 'file'")


def test_not_multipart(api: Api) -> None:
    response = api.http.post("/api/v1/uploads", content=b"%PDF-1.7")
    assert_error(response, 400, "bad_request", "field 'file'")


def test_eleven_megabytes_with_content_length(api: Api) -> None:
    response = api.upload(b"%PDF-1.7\n" + b"0" * (11 * MB), "big.pdf")
    assert_error(response, 413, "file_too_large", "the limit of 10 MB")


def test_eleven_megabytes_streamed_without_length(api: Api) -> None:
    """Chunked upload: the server stops reading past the limit, without a full read first."""
    boundary = "schedgenboundary"
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n'
        ).encode()
        chunk = b"0" * (256 * 1024)
        for _ in range(44):  # 11 MB
            sent += len(chunk)
            yield chunk
        yield f"\r\n--{boundary}--\r\n".encode()

    try:
        response = api.http.post(
            "/api/v1/uploads",
            content=body(),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
    except httpx.TransportError:
        # The server answered and closed before the client finished sending: also a refusal.
        assert sent < 11 * MB
        return
    assert_error(response, 413, "file_too_large", "the limit of 10 MB")


def test_unknown_job(api: Api) -> None:
    api.token = "t" * 43
    assert_error(api.status("no-such-job"), 404, "not_found", "no such job")
    assert_error(api.result("no-such-job"), 404, "not_found", "no such job")


def test_missing_token(api: Api) -> None:
    assert_error(api.status("no-such-job"), 401, "unauthorized", "Authorization: Bearer")


def test_server_still_healthy_after_bad_input(api: Api, server: SchedgenProcess) -> None:
    assert "Traceback" not in server.log()
    assert api.http.get("/health/ready").status_code == 200
