"""One pushed change, parsed and checked on its own: a ChangeIn, or a Held outcome.

Protocol v2 keeps only the push envelope strict (`{"changes": [...]}`); a change that is
malformed, of an entity HQ does not keep, or carrying a value HQ could not serve back is
*held*: it gets its own outcome with a code and a sentence for the officer, writes
nothing and is not logged, and the other changes of the push go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.sync_schema import check_fields, clean_json, printable_name
from hq import schemas
from hq.row_ids import bad_reference, is_row_id

# Held codes (docs/sync-protocol.md, "Push").
INVALID_CHANGE = "invalid_change"
UNKNOWN_ENTITY = "unknown_entity"
INVALID_VALUE = "invalid_value"
NOT_IN_YOUR_OPERATIONS = "not_in_your_operations"
NOT_YOURS = "not_yours"
# Not applied because an earlier change of the same row in the same push was held: it
# goes again once that one is settled (the device keeps it waiting behind it).
WAITING = "waiting"

CONFLICT_ENTITY = schemas.CONFLICT_ENTITY
RESOLUTIONS = frozenset({"mine", "hq", "edit"})


@dataclass(frozen=True)
class ChangeIn:
    """One outbox entry: new values and the values they replaced (the base)."""

    change_id: str
    entity: str
    row_id: str
    operation_id: str | None
    fields: dict[str, Any]
    base: dict[str, Any] = field(default_factory=dict)
    base_rev: int | None = None

    @property
    def is_creation(self) -> bool:
        """A creation carries no base: the row is new on the device."""
        return not self.base


@dataclass(frozen=True)
class Held:
    """A change HQ did not apply: why (a stable code and a sentence), nothing written."""

    code: str
    detail: str
    field: str | None = None
    key: tuple[str, str] | None = None  # the (entity, row_id) held, when it could be read

    def answer(self) -> dict[str, Any]:
        """The result sent for this change (no `rev`: nothing was applied)."""
        result: dict[str, Any] = {"status": "held", "code": self.code, "detail": self.detail}
        if self.field is not None:
            result["field"] = self.field
        return result


def _id(value: Any, *, low: int, high: int) -> str | None:
    if isinstance(value, str) and low <= len(value) <= high and clean_json(value) is None:
        return value
    return None


def _malformed(what: str) -> Held:
    return Held(INVALID_CHANGE, f"HQ could not read this change: {what}. "  # i18n: not shown
                                "It was not applied; a newer Field Kit may be needed.")


def _not_an_id(subject: str, *, field: str | None = None,
               key: tuple[str, str] | None = None) -> Held:
    return Held(INVALID_CHANGE,  # i18n: not shown
                f"HQ refused this change: {subject} is not written as Field Kit writes "
                "record ids (a UUID). It was not applied; discard it, or save it to a file "
                "for support.", field, key=key)


def waiting(entity: str) -> Held:
    """The outcome of a change behind a held change of the same row in the same push."""
    return Held(WAITING,  # i18n: not shown
                f"This change waits behind an earlier change of the same "
                f"{entity.replace('_', ' ')} that HQ held; it goes with it once that one is "
                "settled.")


def unknown_row(entity: str) -> Held:
    """The outcome of an edit of a row HQ never received (its creation did not come)."""
    return Held(INVALID_CHANGE,  # i18n: not shown
                f"HQ has no such {entity.replace('_', ' ')}: its creation never "
                "reached HQ (held or discarded on the device), so this change cannot be "
                "applied. Send the creation first, or discard this change.")


def parse_change(raw: Any) -> ChangeIn | Held:
    """Read one change of a push; everything wrong with it becomes a Held outcome."""
    if not isinstance(raw, dict):
        return _malformed("it is not an object")  # i18n: not shown
    entity = raw.get("entity")
    fields = raw.get("fields")
    base = raw.get("base")
    if _id(entity, low=1, high=40) is None:  # a lone surrogate is no kind of row either
        return _malformed("it names no kind of row")  # i18n: not shown
    if not isinstance(fields, dict):
        return _malformed("its fields are not an object")  # i18n: not shown
    if base is None:
        base = {}
    if not isinstance(base, dict):
        return _malformed("the values it replaced are not an object")  # i18n: not shown
    base_rev = raw.get("base_rev")
    if base_rev is not None and (isinstance(base_rev, bool) or not isinstance(base_rev, int)
                                 or not 0 <= base_rev < 2**63):
        return _malformed("its base revision is not a sequence number")  # i18n: not shown
    row_id, operation_id, change_id = raw.get("row_id"), raw.get("operation_id"), \
        raw.get("change_id")
    if not base and isinstance(fields.get("id"), str):  # a creation: ids come in `fields`
        row_id = raw.get("row_id", fields["id"])
        operation_id = raw.get("operation_id", fields.get("operation_id"))
        if "change_id" not in raw and is_row_id(row_id):
            change_id = schemas.creation_change_id(entity, row_id)
    # Ids are checked at the door: one a device could not have made never gets stored.
    if not is_row_id(row_id):
        return _not_an_id("its row id")  # i18n: not shown
    if _id(change_id, low=8, high=36) is None:
        return _malformed("its change id is missing or not 8 to 36 characters")  # i18n: not shown
    if operation_id is not None and not is_row_id(operation_id):
        return _not_an_id("its operation id")  # i18n: not shown
    if entity == CONFLICT_ENTITY:
        if fields.get("resolution") not in RESOLUTIONS or clean_json(fields) is not None:
            return _malformed("its conflict resolution is not mine, hq or edit")  # i18n: not shown
        return ChangeIn(change_id, entity, row_id, None, fields)
    if entity not in schemas.ROW_ENTITIES:  # no key: its row's later changes are held alike
        return Held(UNKNOWN_ENTITY,  # i18n: not shown
                    f"HQ does not keep rows of kind {printable_name(entity)!r} yet (a newer "
                    "Field Kit made it); it is sent again after HQ is upgraded.")
    problems = check_fields(entity, fields, row_id=row_id)
    if problems:
        first = problems[0]
        return Held(INVALID_VALUE,  # i18n: not shown
                    f"HQ cannot store this change: {first.message} "
                    "Correct it and send it again, or discard it.", first.field,
                    key=(entity, row_id))
    reference = bad_reference(entity, fields)
    if reference is not None:
        return _not_an_id(f"the value of {reference!r}", field=reference,  # i18n: not shown
                          key=(entity, row_id))
    for name, value in base.items():  # names are text: the push was JSON
        if clean_json(name) is not None or clean_json(value) is not None:
            return Held(INVALID_CHANGE,  # i18n: not shown
                        "HQ could not read this change: a value it replaced "
                        "cannot be stored. It was not applied.", key=(entity, row_id))
    return ChangeIn(change_id, entity, row_id, operation_id, fields, base, base_rev)
