"""Forms whose labels make room for translations.

French and Spanish labels run up to a third longer than English ones (the pseudo language
of the tests, more): beside their fields they would push the form wider than a 1366-pixel
screen. These forms put a label above its field when the row is too wide for both, and
let fields grow into the room there is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A form layout whose long rows wrap (label above field) and whose fields grow."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
