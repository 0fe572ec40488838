"""The dialog of an RFA status step: a comment (required where the core requires one, or
where the step is unusual, like submitting a request that starts in the past) and, when
tasking, the asset that was tasked. The core checks again; this only guides.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.models.enums import RfaStatus
from fieldapp.services.rfa import NEEDS_COMMENT
from ui.widgets.form_layout import form_layout

_BUTTONS = {
    RfaStatus.SUBMITTED: QT_TRANSLATE_NOOP("RfaActions", "Submit for validation"),
    RfaStatus.VALIDATED: QT_TRANSLATE_NOOP("RfaActions", "Record HC/RC validation"),
    RfaStatus.RETURNED: QT_TRANSLATE_NOOP("RfaActions", "Return for changes"),
    RfaStatus.PASSED_TO_MILITARY: QT_TRANSLATE_NOOP("RfaActions", "Pass to military"),
    RfaStatus.TASKED: QT_TRANSLATE_NOOP("RfaActions", "Record tasking…"),
    RfaStatus.COMPLETED: QT_TRANSLATE_NOOP("RfaActions", "Mark completed"),
    RfaStatus.REJECTED: QT_TRANSLATE_NOOP("RfaActions", "Reject"),
    RfaStatus.CANCELLED: QT_TRANSLATE_NOOP("RfaActions", "Cancel request"),
    RfaStatus.DRAFT: QT_TRANSLATE_NOOP("RfaActions", "Back to draft"),
}


def button_text(status: str) -> str:
    """The label of the button that moves a request to `status`."""
    return QCoreApplication.translate("RfaActions", _BUTTONS.get(status, status))


class TransitionDialog(QDialog):
    """Confirm one status step, with its comment and (for tasking) asset."""

    def __init__(self, status: str, *, assets: list[tuple[str, str]], reference: str,
                 warning: str = "", parent: QWidget | None = None) -> None:
        """`warning`: something allowed but unusual; shown, and a comment saying why is
        then required."""
        super().__init__(parent)
        self.setObjectName("transitionDialog")
        self.status = status
        self.setWindowTitle(f"{button_text(status).rstrip('…')} — {reference}")
        self.setMinimumWidth(480)
        self.needs_comment = status in NEEDS_COMMENT or bool(warning)
        self.warning = QLabel(warning)
        self.warning.setObjectName("transitionWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300;")
        self.warning.setVisible(bool(warning))
        self.comment_box = QPlainTextEdit()
        self.comment_box.setObjectName("transitionComment")
        self.comment_box.setPlaceholderText(
            self.tr("Say why (required).") if self.needs_comment
            else self.tr("Optional: e.g. validated at the HCT meeting of 12 March."))
        self.comment_box.setMaximumHeight(110)
        form = form_layout()
        form.addRow(self.tr("Comment:"), self.comment_box)
        self.asset_box = QComboBox()
        self.asset_box.setObjectName("transitionAsset")
        if status == RfaStatus.TASKED:
            self.asset_box.addItem(self.tr("— choose the asset tasked —"), None)
            for asset_id, label in assets:
                self.asset_box.addItem(label, asset_id)
            form.addRow(self.tr("Asset tasked:"), self.asset_box)
            if not assets:
                form.addRow("", QLabel(self.tr("Propose the asset in the form first (Find "
                                               "matching assets), then record the tasking.")))
        self.problem = QLabel()
        self.problem.setObjectName("transitionProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            button_text(status).rstrip("…"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def comment(self) -> str:
        return self.comment_box.toPlainText().strip()

    def asset_id(self) -> str | None:
        return self.asset_box.currentData() if self.status == RfaStatus.TASKED else None

    def _check(self) -> None:
        if self.needs_comment and not self.comment():
            self.problem.setText(self.tr("Write a comment: the history must say why."))
        elif self.status == RfaStatus.TASKED and not self.asset_id():
            self.problem.setText(self.tr("Choose the asset that was tasked."))
        else:
            self.accept()
            return
        self.problem.show()
