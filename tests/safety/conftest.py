"""Safety tests run with the network switched off: any attempt to reach it is recorded and fails the test."""

from __future__ import annotations

import socket

import pytest

_INET = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch):
    """Replace the ways Python reaches the network with ones that record the attempt and raise.

    Local (AF_UNIX) sockets stay allowed: multiprocessing talks to its children through them.
    """
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(what: str):  # noqa: ANN202
        attempts.append(what)
        return OSError(f"network access attempted in a test: {what}")

    def connect(self, address):  # noqa: ANN001, ANN202
        if self.family in _INET:
            raise refuse(f"connect {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):  # noqa: ANN001, ANN202
        if self.family in _INET:
            raise refuse(f"connect_ex {address!r}")
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        raise refuse(f"create_connection {address!r}")

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        raise refuse(f"getaddrinfo {host!r}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield attempts
    assert attempts == [], f"something tried the network: {attempts}"


@pytest.fixture
def make_pdf():
    """Build a small PDF: one list of text lines per page (Latin text, built-in font)."""
    import io

    from reportlab.pdfgen import canvas

    def build(pages: list[list[str]]) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, invariant=1)
        for lines in pages:
            pdf.setFont("Helvetica", 12)
            for number, line in enumerate(lines):
                pdf.drawString(72, 720 - 18 * number, line)
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    return build
