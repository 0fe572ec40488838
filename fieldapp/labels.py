"""How stored enum values read on screen and on paper, in the current language.

The tables hold the English labels marked `N_()`; each accessor translates on the way out.
"Other" reads differently for each list in some languages, so it has a context each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from fieldapp.i18n import LANGS, N_, _, in_language, pgettext
from fieldapp.models.enums import (
    AssetCategory,
    AssetStatus,
    LessonStatus,
    LessonTopic,
    OperationKind,
    OrganisationType,
    RfaPriority,
    RfaStatus,
)

_LABELS: dict[str, str] = {
    RfaStatus.DRAFT: N_("Draft"),
    RfaStatus.SUBMITTED: N_("Submitted for validation"),
    RfaStatus.VALIDATED: N_("Validated by HC/RC"),
    RfaStatus.RETURNED: N_("Returned for changes"),
    RfaStatus.PASSED_TO_MILITARY: N_("Passed to military"),
    RfaStatus.TASKED: N_("Tasked"),
    RfaStatus.COMPLETED: N_("Completed"),
    RfaStatus.REJECTED: N_("Rejected"),
    RfaStatus.CANCELLED: N_("Cancelled"),
}
_PRIORITY = {
    RfaPriority.LIFE_SAVING: N_("Life-saving"),
    RfaPriority.LIFE_SUSTAINING: N_("Life-sustaining"),
}
_CAPABILITY = {
    AssetCategory.AIRLIFT_FIXED_WING: N_("Airlift (fixed wing)"),
    AssetCategory.AIRLIFT_HELICOPTER: N_("Airlift (helicopter)"),
    AssetCategory.SEALIFT: N_("Sealift"),
    AssetCategory.GROUND_TRANSPORT: N_("Ground transport"),
    AssetCategory.ENGINEERING: N_("Engineering"),
    AssetCategory.MEDICAL: N_("Medical"),
    AssetCategory.WATER_SANITATION: N_("Water and sanitation"),
    AssetCategory.COMMUNICATIONS: N_("Communications"),
    AssetCategory.LOGISTICS_HANDLING: N_("Logistics handling"),
    AssetCategory.SEARCH_AND_RESCUE: N_("Search and rescue"),
    AssetCategory.SHELTER: N_("Shelter"),
    AssetCategory.POWER_GENERATION: N_("Power generation"),
}
_ORG_TYPE = {
    OrganisationType.UN_AGENCY: N_("UN agency"),
    OrganisationType.NGO: N_("NGO"),
    OrganisationType.RED_CROSS: N_("Red Cross / Red Crescent"),
    OrganisationType.HOST_GOVERNMENT: N_("Host government"),
    OrganisationType.NATIONAL_MILITARY: N_("National military"),
    OrganisationType.FOREIGN_MILITARY: N_("Foreign military"),
    OrganisationType.CIVIL_DEFENCE: N_("Civil defence"),
    OrganisationType.DONOR: N_("Donor"),
}
_TOPIC = {
    LessonTopic.COORDINATION: N_("Coordination mechanisms"),
    LessonTopic.RFA_MCDA: N_("Requests for assistance and MCDA"),
    LessonTopic.LOGISTICS: N_("Logistics"),
    LessonTopic.SECURITY: N_("Security and armed escorts"),
    LessonTopic.INFORMATION: N_("Information sharing"),
    LessonTopic.PRINCIPLES: N_("Humanitarian principles"),
    LessonTopic.TRAINING: N_("Training and exercises"),
}
_ASSET_STATUS = {
    AssetStatus.OFFERED: N_("Offered"),
    AssetStatus.AVAILABLE: N_("Available"),
    AssetStatus.REQUESTED: N_("Requested"),
    AssetStatus.COMMITTED: N_("Committed"),
    AssetStatus.DEPLOYED: N_("Deployed"),
    AssetStatus.RELEASED: N_("Released"),
}
_LESSON_STATUS = {
    LessonStatus.DRAFT: N_("Draft"),
    LessonStatus.SUBMITTED: N_("Submitted"),
    LessonStatus.VALIDATED: N_("Validated"),
    LessonStatus.RETURNED: N_("Returned"),
    LessonStatus.PUBLISHED: N_("Published"),
}
_OPERATION_KIND = {
    OperationKind.NATURAL_DISASTER: N_("Natural disaster"),
    OperationKind.COMPLEX_EMERGENCY: N_("Complex emergency"),
    OperationKind.EXERCISE: N_("Exercise"),
}


def _label(table: dict[str, str], value: object) -> str:
    label = table.get(str(value))
    if label is None:  # a value this version does not know (from a newer HQ): its words
        return str(value).replace("_", " ").capitalize()
    return _(label)


def label_of(table: Mapping[str, str], value: str) -> str:
    """`value`'s label from `table` in the current language; a value the table does not
    know (from a newer HQ, or typed by hand) stays as it is."""
    return _(table[value]) if value in table else value


def rfa_status_label(value: object) -> str:
    """E.g. "passed_to_military" → "Passed to military"."""
    return _label(_LABELS, value)


def priority_label(value: object) -> str:
    """E.g. "life_saving" → "Life-saving"."""
    if str(value) == RfaPriority.OTHER:
        return pgettext("priority", "Other")
    return _label(_PRIORITY, value)


def capability_label(value: object) -> str:
    """An asset category / requested capability, readable."""
    if str(value) == AssetCategory.OTHER:
        return pgettext("capability", "Other")
    return _label(_CAPABILITY, value)


def asset_status_label(value: object) -> str:
    """E.g. "offered" → "Offered"."""
    return _label(_ASSET_STATUS, value)


def org_type_label(value: object) -> str:
    """An organisation type, readable."""
    if str(value) == OrganisationType.OTHER:
        return pgettext("organisation type", "Other")
    return _label(_ORG_TYPE, value)


def topic_label(value: object) -> str:
    """A lesson topic, readable."""
    if str(value) == LessonTopic.OTHER:
        return pgettext("lesson topic", "Other")
    return _label(_TOPIC, value)


def lesson_status_label(value: object) -> str:
    """E.g. "published" → "Published"."""
    return _label(_LESSON_STATUS, value)


def operation_kind_label(value: object) -> str:
    """An operation kind, readable."""
    return _label(_OPERATION_KIND, value)


def history_comment(comment: str | None) -> str:
    """A history comment as shown: the app's own ("Draft created", stored in English) in the
    current language; what an officer typed, unchanged (it is in no catalog)."""
    return _(comment) if comment else ""


def label_in_any_language(label: Callable[[object], str], value: object) -> set[str]:
    """How `value` reads in every language, case folded: an import file written in
    English must still be read when the officer works in French, and the other way."""
    found = set()
    for lang in LANGS:
        with in_language(lang):
            found.add(label(value).casefold())
    return found


# The global clusters, stored in English (HQ and every device read the same value) and
# shown in the officer's language; a sector typed by hand is kept as typed.
CLUSTERS = (
    N_("Camp Coordination and Camp Management"), N_("Early Recovery"), N_("Education"),
    N_("Emergency Telecommunications"), N_("Food Security"), N_("Health"), N_("Logistics"),
    N_("Nutrition"), N_("Protection"), N_("Shelter"), N_("WASH"),
)


def cluster_label(cluster: str) -> str:
    """A stored cluster as the officer reads it (a sector typed by hand as typed)."""
    return _(cluster) if cluster in CLUSTERS else cluster


def cluster_value(text: str) -> str:
    """What to store for a cluster as written in any language: a global cluster in
    English, a sector typed by hand as typed."""
    text = text.strip()
    folded = text.casefold()
    return next((cluster for cluster in CLUSTERS
                 if folded in label_in_any_language(cluster_label, cluster)), text)
