"""All client tables; importing this module registers them on `Base.metadata`."""

from fieldapp.models.asset import Asset, AssetStatusEvent
from fieldapp.models.base import Base, Syncable, new_id, utcnow
from fieldapp.models.contact import Contact
from fieldapp.models.handbook import (
    ChecklistTick,
    HandbookBookmark,
    HandbookNote,
    HandbookSection,
    HandbookWord,
)
from fieldapp.models.lesson import Lesson
from fieldapp.models.operation import Operation, Organisation
from fieldapp.models.register import RegisterEntry, RegisterProposal
from fieldapp.models.rfa import Rfa, RfaEvent
from fieldapp.models.sync import Conflict, Counter, HeldRow, OutboxEntry, Setting, SyncState

SYNCABLE_MODELS: tuple[type[Syncable], ...] = (
    Operation,
    Organisation,
    Contact,
    Asset,
    AssetStatusEvent,
    Rfa,
    RfaEvent,
    Lesson,
    HandbookBookmark,
    HandbookNote,
    ChecklistTick,
    RegisterEntry,
    RegisterProposal,
)

__all__ = [  # i18n: not shown
    "SYNCABLE_MODELS",
    "Asset",
    "AssetStatusEvent",
    "Base",
    "ChecklistTick",
    "Conflict",
    "Contact",
    "Counter",
    "HandbookBookmark",
    "HandbookNote",
    "HandbookSection",
    "HandbookWord",
    "HeldRow",
    "Lesson",
    "Operation",
    "Organisation",
    "OutboxEntry",
    "RegisterEntry",
    "RegisterProposal",
    "Rfa",
    "RfaEvent",
    "Setting",
    "Syncable",
    "SyncState",
    "new_id",
    "utcnow",
]
