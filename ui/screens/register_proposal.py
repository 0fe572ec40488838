"""Propose a correction of a Central Register entry: the dialog.

Each field shows the register's value beside an input holding the same value; the officer
changes what is wrong (a changed field's name turns bold and says "changed") and says in
the comment how they know. Saving checks it in the core (`propose_correction`: HQ's own
rules, a sentence under each bad field) and stores the proposal, which goes to HQ with the
next sync; HQ's answer shows in the entry's panel once a sync brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.labels import capability_label
from fieldapp.models.enums import AssetCategory
from fieldapp.services.lookup import country_names
from fieldapp.services.operations import country_name
from fieldapp.services.register import (
    FIELDS,
    MEMBER_STATE,
    ORGANISATION,
    RegisterDetail,
    field_label,
    propose_correction,
    provider_kind_label,
    register_status_label,
)
from ui.context import AppContext, Change
from ui.tasks import Session
from ui.widgets.form_dialog import FormDialog

_MULTILINE = ("capability", "conditions")
_CHOICES = ("category", "provider_kind", "status")


class ProposalDialog(FormDialog):
    """The entry's values, the officer's corrections, a comment; Save stores the proposal."""

    def __init__(self, ctx: AppContext, detail: RegisterDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalDialog")
        self.ctx = ctx
        self.entry_id = detail.row.id
        self.current = dict(detail.values)
        self.current["provider_state"] = country_name(self.current["provider_state"]) \
            if self.current["provider_state"] else ""
        self.setWindowTitle(self.tr("Propose a correction \u2014 {entry}").format(
            entry=detail.row.capability[:60]))
        self.inputs: dict[str, QWidget] = {}
        self.names: dict[str, QLabel] = {}
        intro = QLabel(self.tr(
            "The Central Register is kept at HQ. Change what is wrong and say how you know in "
            "the comment; HQ's registry staff accept or reject the proposal. It goes to HQ "
            "with the next sync, and their answer shows in the entry's panel."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        heads = (self.tr("Field"), self.tr("In the register"), self.tr("Your correction"))
        for column, text in enumerate(heads):
            head = QLabel(f"<b>{text}</b>")
            grid.addWidget(head, 0, column)
        for number, name in enumerate(FIELDS, start=1):
            label = QLabel(field_label(name))
            label.setObjectName(f"{name}Label")
            label.setContentsMargins(0, 4, 0, 0)  # level with the text in the input
            self.names[name] = label
            now = QLabel(self._shown(name, self.current[name]) or "\u2014")
            now.setObjectName(f"{name}Current")
            now.setWordWrap(True)
            now.setContentsMargins(0, 4, 0, 0)
            now.setStyleSheet("color: #4a4f55;")
            now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget = self._input(name)
            widget.setObjectName(name)
            self.inputs[name] = widget
            grid.addWidget(label, number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(now, number, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.errors.wrap(name, widget), number, 2)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr(
            "How you know, e.g. \u201cConfirmed by phone with the unit's liaison officer on "
            "3 December: one aircraft is in maintenance.\u201d"))
        self.comment.setFixedHeight(64)
        row = len(FIELDS) + 1
        grid.addWidget(QLabel(self.tr("Comment")), row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.errors.wrap("comment", self.comment, lines=2), row, 1, 1, 2)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Save proposal"))
        self._lay_out(intro, grid)
        for name in FIELDS:
            self._mark(name)

    # --- building ---------------------------------------------------------------------------

    def _shown(self, name: str, value: str) -> str:
        """A stored value as the officer reads it (labels for choices)."""
        if name == "category":
            return capability_label(value)
        if name == "provider_kind":
            return provider_kind_label(value)
        if name == "status":
            return register_status_label(value)
        return value

    def _input(self, name: str) -> QWidget:
        value = self.current[name]
        if name in _CHOICES:
            combo = QComboBox()
            if name == "category":
                options = [(capability_label(c), c.value) for c in AssetCategory]
            elif name == "provider_kind":
                options = [(provider_kind_label(k), k) for k in (MEMBER_STATE, ORGANISATION)]
            else:
                options = [(register_status_label(s), s) for s in ("active", "suspended",
                                                                  "retired")]
            for text, data in options:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _i, n=name: self._mark(n))
            return combo
        if name in _MULTILINE:
            box = QPlainTextEdit(value)
            box.setFixedHeight(54)
            box.textChanged.connect(lambda n=name: self._mark(n))
            return box
        line = QLineEdit(value)
        line.setCursorPosition(0)
        if name == "provider_state":
            completer = QCompleter(country_names(), line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            line.setCompleter(completer)
        elif name == "valid_until":
            line.setPlaceholderText(self.tr("YYYY-MM-DD, or empty for no end date"))
        line.textChanged.connect(lambda _t, n=name: self._mark(n))
        return line

    def _lay_out(self, intro: QLabel, grid: QGridLayout) -> None:
        """The sixteen fields scroll between the introduction and the buttons; the dialog is
        never taller than the screen."""
        fields = QWidget()
        fields.setLayout(grid)
        scroll = QScrollArea()
        scroll.setObjectName("proposalFields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        screen = self.parentWidget().screen() if self.parentWidget() else self.screen()
        self.setMaximumHeight(screen.availableGeometry().height() - 48)
        self.resize(max(820, fields.sizeHint().width() + 40),
                    min(fields.sizeHint().height() + 160, self.maximumHeight()))

    # --- values -----------------------------------------------------------------------------

    def value(self, name: str) -> str:
        """What the input of a field holds, as text (a choice's stored value)."""
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()  # type: ignore[attr-defined, no-any-return]

    def changed(self) -> dict[str, str]:
        """The fields whose input differs from the register's value (trimmed)."""
        return {name: self.value(name) for name in FIELDS
                if self.value(name).strip() != self.current[name].strip()}

    def _mark(self, name: str) -> None:
        label = self.names[name]
        changed = self.value(name).strip() != self.current[name].strip()
        text = field_label(name)
        label.setText(self.tr("<b>{field}</b> (changed)").format(field=text) if changed
                      else text)
        label.setTextFormat(Qt.TextFormat.RichText if changed else Qt.TextFormat.PlainText)
        self.errors.clear(name)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Check and store the proposal in the background; mark the fields it names."""
        self.clear_errors()
        entry_id, changes, comment = self.entry_id, self.changed(), self.comment.toPlainText()
        self.buttons.setEnabled(False)

        def work(session: Session, _p: object) -> str:
            return propose_correction(session, entry_id, changes, comment).id

        self.ctx.tasks.write(work, changes={Change.ASSET}, on_success=self._saved,
                             on_failure=self._failed, parent=self)
