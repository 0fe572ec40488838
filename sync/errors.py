"""The one error the sync client raises: a sentence for the officer, and what it means."""

from __future__ import annotations

from fieldapp.errors import FieldAppError


class SyncError(FieldAppError):
    """A sync could not finish; `message` says why in words, local data is unchanged.

    `code` is the server's error code or one of ours (offline, timeout, tls, captive_portal,
    garbled, too_large, foreign_url, server_error, not_enrolled); `retry_later` is False when
    retrying cannot help until a person acts (revoked device, refused operation, not enrolled;
    `device_lost`: HQ wrote the laptop off as lost and the profile was erased).
    """

    def __init__(self, message: str, *, code: str = "error", retry_later: bool = True,
                 status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.retry_later = retry_later
        self.status = status
