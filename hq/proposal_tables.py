"""HQ tables of the register's correction proposals sent from the field (issue 18)."""

from __future__ import annotations
