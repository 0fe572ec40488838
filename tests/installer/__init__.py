"""Tests of the one-folder bundle and what goes into it (issue 19)."""
