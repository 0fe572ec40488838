"""What a row id looks like at HQ: the text of a UUID, as devices and HQ write them.

A device makes every row id where the row is born with `uuid.uuid4()`, or `uuid.uuid5()`
for rows two devices may make alike (checklist ticks, bookmarks, imported rows), always
written by `str()`: 36 characters, lower-case hex in groups of 8-4-4-4-12. HQ makes its
own ids (operations, conflicts) the same way. Any other text, a "/" or a control
character say, is no id of ours: a change carrying one as its row id or as a reference
is held at the door (`hq.changes`), and a page address naming one is not found,
so such text never reaches the library, its feed or the review pages.
"""

from __future__ import annotations

import re
from typing import Any

from fieldapp.sync_schema import entity_fields

# Any version: the form is what devices write; generated test and bench data use others.
ROW_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_row_id(value: Any) -> bool:
    """Whether `value` is a row id as Field Kit writes them (see the module doc)."""
    return isinstance(value, str) and ROW_ID.fullmatch(value) is not None


def _holds_ids(name: str, value: Any) -> bool:
    """Whether a field's value is what its name promises: one id (`id`, `…_id`, or
    none), a list of ids (`…_ids`); fields of other names hold no id."""
    if value is None:
        return True  # whether it may be empty is the entity schema's business
    if name == "id" or name.endswith("_id"):
        return is_row_id(value)
    if name.endswith("_ids"):
        return isinstance(value, list) and all(is_row_id(item) for item in value)
    return True


def bad_reference(entity: str, fields: dict[str, Any]) -> str | None:
    """The first field of a known `entity` column holding something other than row ids
    (its own id, its operation's, a reference to another row), or None.

    Fields this HQ does not know (a newer device's) are not judged: HQ keeps them as
    sent and never shows them."""
    known = entity_fields(entity)
    for name, value in fields.items():
        if name in known and not _holds_ids(name, value):
            return name
    return None
