"""Functions whose module is imported when they are first called, not with the screen.

A screen that can print imported its PDF module, and with it ReportLab, when it was first
opened: 0.2-0.4 s with the window frozen. `later("fieldapp.pdf.rfa", "rfa_pdf")` stands for
that function until a PDF is made, which happens in a background task, off the GUI thread.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def later(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported at its first call."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call
