"""Inputs of the RFA form that Qt lacks: an optional date and time in the operation's zone,
a number that may be left empty, a "latitude, longitude" pair, and a contact picker that
searches the contacts in the background as the officer types.

Each emits `edited` when the officer changes it (not when the form fills it), and says
what is wrong with its text through `problem()` ("" when fine).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QLineEdit, QWidget

from fieldapp.services.contacts import contact_page
from ui.context import AppContext
from ui.tasks import Session


def operation_zone(name: str) -> ZoneInfo:
    """The operation's IANA time zone (UTC when unknown): the one zone the form shows."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class OptionalDateTime(QWidget):
    """A date and time in the operation's zone, or none while unticked; values are UTC.

    Ticking the box shows `default()` (a UTC moment), not whatever the field last held.
    """

    edited = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo("UTC")
        self.default: Callable[[], datetime] | None = None
        self.check = QCheckBox(label)
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setEnabled(False)
        self.zone_label = QLineEdit()
        self.zone_label.setReadOnly(True)
        self.zone_label.setFrame(False)
        self.zone_label.setStyleSheet("background: transparent;")  # a label, not a field
        self.zone_label.setMaximumWidth(150)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.clicked.connect(self._ticked)
        self.edit.dateTimeChanged.connect(lambda _v: self.edited.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.zone_label)
        self.setFocusProxy(self.edit)

    def _ticked(self, checked: bool) -> None:
        if checked and self.default is not None:
            self._show_moment(self.default())
        self.edited.emit()

    def _show_moment(self, value: datetime) -> None:
        local = value.astimezone(self.zone)
        self.edit.blockSignals(True)
        self.edit.setDateTime(QDateTime(local.year, local.month, local.day, local.hour,
                                        local.minute, 0))
        self.edit.blockSignals(False)

    def set_zone(self, name: str) -> None:
        """Show and read times in this IANA zone (the operation's)."""
        self.zone = operation_zone(name)
        self.zone_label.setText(str(self.zone))

    def value(self) -> datetime | None:
        """The chosen moment in UTC, or None."""
        if not self.check.isChecked():
            return None
        shown = self.edit.dateTime()
        date, time = shown.date(), shown.time()
        local = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(),
                         tzinfo=self.zone)
        return local.astimezone(UTC)

    def set_value(self, value: datetime | None) -> None:
        """Show a UTC moment in the zone (or untick for none), without `edited`."""
        self.blockSignals(True)
        self.check.blockSignals(True)
        self.edit.blockSignals(True)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self._show_moment(value or datetime.now(UTC))
        for widget in (self, self.check, self.edit):
            widget.blockSignals(False)


def _parse_number(text: str) -> float:
    return float(text.strip().replace(",", ".").replace("\u2212", "-"))


class NumberEdit(QLineEdit):
    """A number the officer may leave empty; `value()` is None then (or when unreadable)."""

    edited = Signal()

    def __init__(self, *, integer: bool = False, placeholder: str = "") -> None:
        super().__init__()
        self.integer = integer
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> float | int | None:
        if not self.text().strip() or self.problem():
            return None
        number = _parse_number(self.text())
        return int(number) if self.integer else number

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")

    def problem(self) -> str:
        text = self.text().strip()
        if not text:
            return ""
        try:
            number = _parse_number(text)
        except ValueError:
            return self.tr("Type a number, e.g. 4 or 2.5.")
        if self.integer and number != int(number):
            return self.tr("Type a whole number.")
        return ""


class CoordinatesEdit(QLineEdit):
    """ "latitude, longitude" in decimal degrees, optional."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText(self.tr("optional: latitude, longitude, e.g. -19.84, 34.84"))
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> tuple[float | None, float | None]:
        if not self.text().strip() or self.problem():
            return None, None
        lat, lon = (_parse_number(part) for part in self.text().replace(";", ",").split(",")
                    if part.strip())
        return lat, lon

    def set_value(self, lat: float | None, lon: float | None) -> None:
        self.setText("" if lat is None or lon is None else f"{lat:.5f}, {lon:.5f}")

    def problem(self) -> str:
        text = self.text().strip()
        if not text:
            return ""
        parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
        try:
            lat, lon = (_parse_number(part) for part in parts)
        except ValueError:
            return self.tr("Type latitude, then longitude, in decimal degrees, "
                           "e.g. -19.84, 34.84.")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return self.tr("Latitude goes from -90 to 90 and longitude from -180 to 180.")
        return ""


class ContactPicker(QComboBox):
    """Type part of a name: the operation's contacts that match are offered to choose from."""

    edited = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.operation_id = ""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(self.tr("Type a name to find the contact"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._search)
        self._request = 0
        self.lineEdit().textEdited.connect(lambda _t: self._timer.start())
        self.activated.connect(lambda _i: self.edited.emit())

    def contact_id(self) -> str | None:
        """The chosen contact, or None when the text names none of the offered ones."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def set_contact(self, contact_id: str | None, label: str) -> None:
        self.blockSignals(True)
        self.clear()
        if contact_id:
            self.addItem(label, contact_id)
            self.setCurrentIndex(0)
        else:
            self.setEditText("")
        self.blockSignals(False)

    def _search(self) -> None:
        self._request += 1
        request, typed, operation_id = self._request, self.currentText(), self.operation_id
        self.ctx.tasks.query(
            lambda session, _p: _contact_choices(session, operation_id, typed),
            on_success=lambda choices: self._offer(request, typed, choices), parent=self)

    def _offer(self, request: int, typed: str, choices: list[tuple[str, str]]) -> None:
        if request != self._request:
            return
        chosen = self.contact_id()
        self.blockSignals(True)
        self.clear()
        for contact_id, label in choices:
            self.addItem(label, contact_id)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)
        if choices and self.hasFocus():
            self.showPopup()
        if chosen != self.contact_id():
            self.edited.emit()


def _contact_choices(session: Session, operation_id: str, typed: str) -> list[tuple[str, str]]:
    rows = contact_page(session, operation_id=operation_id or None, text=typed, limit=30)
    return [(row.id, f"{row.name} — {row.organisation}" if row.organisation else row.name)
            for row in rows]
