"""A person the officer works with, with several phones and e-mails."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable


class Contact(Syncable, Base):
    """A contact; `phones` is a list of {"kind", "number", "valid"}, `emails` a list of str."""

    __tablename__ = "contacts"
    __sync_entity__ = "contact"
    # Covering indexes for the contact list (migration 0009): its count reads the scope
    # columns only, its name order comes without reading or sorting the table. The
    # migration makes both names COLLATE NOCASE, as the list sorts them; SQLite reports an
    # index's columns without their collation, so they are named plainly here.
    __table_args__ = (
        Index("ix_contacts_scope", "operation_id", "deleted"),
        Index("ix_contacts_name_order", "family_name", "given_name", "id", "deleted",
              "operation_id"),
    )

    full_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    given_name: Mapped[str] = mapped_column(String(120), default="")
    family_name: Mapped[str] = mapped_column(String(120), default="")
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisations.id"), index=True, nullable=True
    )
    role: Mapped[str] = mapped_column(String(200), default="")
    phones: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)
    satellite_phone: Mapped[str] = mapped_column(String(40), default="")
    call_sign: Mapped[str] = mapped_column(String(40), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    favourite: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def display_name(self) -> str:
        """The name as written (a vCard's FN, in any script), else given and family name."""
        return self.full_name or f"{self.given_name} {self.family_name}".strip()
