"""The one error type of the HQ API: an HTTP status, a stable code and a readable sentence."""

from __future__ import annotations


class ApiError(Exception):
    """Answered as `{"error": code, "detail": detail}` with `status`."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail


class AdminError(Exception):
    """An admin command cannot be done; the message says why, for the terminal. `code`
    names the reason for the web pages, which say it in the reader's language."""

    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.code = code
