"""HQ's projection of every operation's RFAs, read by the cross-operation overview (issue 18)."""

from __future__ import annotations
