"""Closed lists of values used by the models; stored as their string value."""

from __future__ import annotations

from enum import StrEnum


class OperationKind(StrEnum):
    NATURAL_DISASTER = "natural_disaster"
    COMPLEX_EMERGENCY = "complex_emergency"
    EXERCISE = "exercise"


class OperationStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    ARCHIVED = "archived"


class OrganisationType(StrEnum):
    UN_AGENCY = "un_agency"
    NGO = "ngo"
    RED_CROSS = "red_cross_red_crescent"
    HOST_GOVERNMENT = "host_government"
    NATIONAL_MILITARY = "national_military"
    FOREIGN_MILITARY = "foreign_military"
    CIVIL_DEFENCE = "civil_defence"
    DONOR = "donor"
    OTHER = "other"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    OFFICE = "office"
    SATELLITE = "satellite"
    RADIO = "radio"


class AssetCategory(StrEnum):
    """Capabilities, shared by the asset directory and the capability an RFA asks for."""

    AIRLIFT_FIXED_WING = "airlift_fixed_wing"
    AIRLIFT_HELICOPTER = "airlift_helicopter"
    SEALIFT = "sealift"
    GROUND_TRANSPORT = "ground_transport"
    ENGINEERING = "engineering"
    MEDICAL = "medical"
    WATER_SANITATION = "water_sanitation"
    COMMUNICATIONS = "communications"
    LOGISTICS_HANDLING = "logistics_handling"
    SEARCH_AND_RESCUE = "search_and_rescue"
    SHELTER = "shelter"
    POWER_GENERATION = "power_generation"
    OTHER = "other"


class AssetStatus(StrEnum):
    OFFERED = "offered"
    AVAILABLE = "available"
    REQUESTED = "requested"
    COMMITTED = "committed"
    DEPLOYED = "deployed"
    RELEASED = "released"


class RfaStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VALIDATED = "validated"
    RETURNED = "returned"
    PASSED_TO_MILITARY = "passed_to_military"
    TASKED = "tasked"
    COMPLETED = "completed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class RfaPriority(StrEnum):
    LIFE_SAVING = "life_saving"
    LIFE_SUSTAINING = "life_sustaining"
    OTHER = "other"


class LessonTopic(StrEnum):
    COORDINATION = "coordination_mechanisms"
    RFA_MCDA = "requests_for_assistance_mcda"
    LOGISTICS = "logistics"
    SECURITY = "security_armed_escorts"
    INFORMATION = "information_sharing"
    PRINCIPLES = "humanitarian_principles"
    TRAINING = "training_exercises"
    OTHER = "other"


class LessonStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VALIDATED = "validated"
    RETURNED = "returned"
    PUBLISHED = "published"


class Sensitivity(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
