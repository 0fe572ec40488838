"""HQ tables of the Central Register of MCDA: entries and their history (issue 18)."""

from __future__ import annotations
