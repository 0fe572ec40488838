"""HQ tables of the officer roster: profiles and deployments (issue 18)."""

from __future__ import annotations
