"""The few error types the core raises; each carries a message a person can read."""

from __future__ import annotations

from pathlib import Path

from fieldapp.i18n import _


class FieldAppError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(FieldAppError):
    """A value entered by the officer cannot be accepted; `field` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ValidationErrors(FieldAppError):  # noqa: N818 - a bundle of ValidationError
    """Several invalid fields at once, so a form can mark all of them in one go."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(" ".join(e.message for e in errors))
        self.errors = errors

    def for_field(self, field: str) -> str | None:
        """The message for one field, or None when that field is fine."""
        return next((e.message for e in self.errors if e.field == field), None)


class ReadOnlyError(FieldAppError):
    """A write of something HQ alone writes (a Central Register entry, HQ's answer to a
    proposal); nothing was saved."""


class NotFoundError(FieldAppError):
    """The row asked for does not exist (or was deleted)."""


class StorageError(FieldAppError):
    """The local database cannot be opened or written; says what happened and where."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DatabaseTooNewError(StorageError):
    """The database was written by a newer version of the application."""


class ForeignDatabaseError(StorageError):
    """The file at the profile path is another program's SQLite database (left untouched)."""


class EncryptedDatabaseError(StorageError):
    """The database is encrypted and no key was given to open it."""


class NotEncryptedError(StorageError):
    """A key was given for a database that is still a plain file (encrypt it first)."""


class WrongKeyError(StorageError):
    """The key given does not open the database (another profile's file, or damage)."""


class DiskSpaceError(StorageError):
    """Too little free disk space to do something safely; `needed` and `free` in bytes."""

    def __init__(self, message: str, *, path: Path | None = None, needed: int,
                 free: int) -> None:
        super().__init__(message, path=path)
        self.needed = needed
        self.free = free


class Cancelled(FieldAppError):  # noqa: N818 - reads better at the call site than CancelledError
    """A long operation stopped because the officer asked it to."""

    def __init__(self) -> None:
        super().__init__(_("The operation was cancelled."))


class EditionError(FieldAppError):
    """A handbook edition was refused; names the file and the reason."""

    def __init__(self, file: str, reason: str) -> None:
        # Translators: a handbook file that was refused, then why ("fr/guidelines.md: the
        # front matter has no 'title'.").
        super().__init__(_("{file}: {reason}").format(file=file, reason=reason))
        self.file = file
        self.reason = reason
