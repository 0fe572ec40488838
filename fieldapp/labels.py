"""How stored enum values read on screen and on paper (English; the UI translates)."""

from __future__ import annotations

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
    RfaStatus.DRAFT: "Draft",
    RfaStatus.SUBMITTED: "Submitted for validation",
    RfaStatus.VALIDATED: "Validated by HC/RC",
    RfaStatus.RETURNED: "Returned for changes",
    RfaStatus.PASSED_TO_MILITARY: "Passed to military",
    RfaStatus.TASKED: "Tasked",
    RfaStatus.COMPLETED: "Completed",
    RfaStatus.REJECTED: "Rejected",
    RfaStatus.CANCELLED: "Cancelled",
}
_PRIORITY = {
    RfaPriority.LIFE_SAVING: "Life-saving",
    RfaPriority.LIFE_SUSTAINING: "Life-sustaining",
    RfaPriority.OTHER: "Other",
}
_CAPABILITY = {
    AssetCategory.AIRLIFT_FIXED_WING: "Airlift (fixed wing)",
    AssetCategory.AIRLIFT_HELICOPTER: "Airlift (helicopter)",
    AssetCategory.SEALIFT: "Sealift",
    AssetCategory.GROUND_TRANSPORT: "Ground transport",
    AssetCategory.ENGINEERING: "Engineering",
    AssetCategory.MEDICAL: "Medical",
    AssetCategory.WATER_SANITATION: "Water and sanitation",
    AssetCategory.COMMUNICATIONS: "Communications",
    AssetCategory.LOGISTICS_HANDLING: "Logistics handling",
    AssetCategory.SEARCH_AND_RESCUE: "Search and rescue",
    AssetCategory.SHELTER: "Shelter",
    AssetCategory.POWER_GENERATION: "Power generation",
    AssetCategory.OTHER: "Other",
}
_ORG_TYPE = {
    OrganisationType.UN_AGENCY: "UN agency",
    OrganisationType.NGO: "NGO",
    OrganisationType.RED_CROSS: "Red Cross / Red Crescent",
    OrganisationType.HOST_GOVERNMENT: "Host government",
    OrganisationType.NATIONAL_MILITARY: "National military",
    OrganisationType.FOREIGN_MILITARY: "Foreign military",
    OrganisationType.CIVIL_DEFENCE: "Civil defence",
    OrganisationType.DONOR: "Donor",
    OrganisationType.OTHER: "Other",
}
_TOPIC = {
    LessonTopic.COORDINATION: "Coordination mechanisms",
    LessonTopic.RFA_MCDA: "Requests for assistance and MCDA",
    LessonTopic.LOGISTICS: "Logistics",
    LessonTopic.SECURITY: "Security and armed escorts",
    LessonTopic.INFORMATION: "Information sharing",
    LessonTopic.PRINCIPLES: "Humanitarian principles",
    LessonTopic.TRAINING: "Training and exercises",
    LessonTopic.OTHER: "Other",
}
_OPERATION_KIND = {
    OperationKind.NATURAL_DISASTER: "Natural disaster",
    OperationKind.COMPLEX_EMERGENCY: "Complex emergency",
    OperationKind.EXERCISE: "Exercise",
}


def _label(table: dict[str, str], value: object) -> str:
    return table.get(str(value), str(value).replace("_", " ").capitalize())


def rfa_status_label(value: object) -> str:
    """E.g. "passed_to_military" → "Passed to military"."""
    return _label(_LABELS, value)


def priority_label(value: object) -> str:
    """E.g. "life_saving" → "Life-saving"."""
    return _label(_PRIORITY, value)


def capability_label(value: object) -> str:
    """An asset category / requested capability, readable."""
    return _label(_CAPABILITY, value)


def asset_status_label(value: object) -> str:
    """offered, available, … capitalised."""
    return _label({s.value: s.value.capitalize() for s in AssetStatus}, value)


def org_type_label(value: object) -> str:
    """An organisation type, readable."""
    return _label(_ORG_TYPE, value)


def topic_label(value: object) -> str:
    """A lesson topic, readable."""
    return _label(_TOPIC, value)


def lesson_status_label(value: object) -> str:
    """A lesson status, capitalised."""
    return _label({s.value: s.value.capitalize() for s in LessonStatus}, value)


def operation_kind_label(value: object) -> str:
    """An operation kind, readable."""
    return _label(_OPERATION_KIND, value)
