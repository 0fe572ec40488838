"""The handbook, or one chapter of it, from the database to a PDF file.

The file appears only when the PDF is complete: it is built beside the target under a
temporary name and moved into place, so a cancelled or failed export leaves nothing
half-written (and an older file of that name untouched).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.errors import NotFoundError
from fieldapp.files import write_atomically
from fieldapp.handbook.edition import BASE_LANG
from fieldapp.handbook.store import current_edition, in_reading_order
from fieldapp.i18n import _
from fieldapp.models import HandbookSection
from fieldapp.pdf.handbook import handbook_pdf
from fieldapp.progress import Progress


def chapters(
    session: Session, *, lang: str = BASE_LANG, slugs: list[str] | None = None
) -> list[tuple[str, str, str]]:
    """(slug, title, markdown) of the sections asked for (all when None), in reading order."""
    query = select(HandbookSection).where(HandbookSection.lang.in_({lang, BASE_LANG}))
    if slugs is not None:
        query = query.where(HandbookSection.slug.in_(slugs))
    found = [(row.slug, row.title, row.body_md)
             for row in in_reading_order(session.scalars(query), lang)]
    if not found:
        raise NotFoundError(_("There is no handbook section to export in this edition."))
    return found


def export_pdf(
    session: Session,
    target: str | Path,
    *,
    lang: str = BASE_LANG,
    slug: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the whole handbook (or the chapter `slug`) to `target` as a PDF; its path."""
    target = Path(target)
    selected = chapters(session, lang=lang, slugs=None if slug is None else [slug])
    edition = current_edition(session)
    data = handbook_pdf(selected, edition=edition, progress=progress) or b""  # no target: bytes
    if progress is not None:
        progress.check()  # cancelled after the last page was laid out: still no file
    return write_atomically(target, data)
