"""The asset screen's detail panel for a Central Register entry, and the panel that shows
either it or an asset's.

A register entry is HQ's and read-only here: the panel says so, shows every field, marks an
entry whose valid-until date has passed, and lists the corrections this laptop proposed
for it with where each stands (waiting for the next sync, waiting for HQ, accepted or
rejected) and HQ's answer once a sync brought it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.labels import capability_label
from fieldapp.services.assets import AssetDetail
from fieldapp.services.operations import country_name
from fieldapp.services.register import (
    ProposalView,
    RegisterDetail,
    field_label,
    proposal_status_label,
    provider_kind_label,
    register_status_label,
)
from ui.models.assets_table import capacity_text
from ui.pyside_fixes import own_headers
from ui.widgets.form_layout import form_layout

NOTICE_STYLE = "background: #e3eefa; padding: 4px;"
EXPIRED_STYLE = "background: #fff4d6; padding: 4px;"


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RegisterDetailPanel(QScrollArea):
    """One register entry, read-only, with the officer's proposals and HQ's answers."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("registerDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail: RegisterDetail | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setObjectName("registerTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.notice = QLabel(self.tr(
            "Central Register entry, kept at HQ: it cannot be changed here. If something is "
            "wrong, press \u201cPropose a correction\u2026\u201d: HQ's registry staff accept "
            "or reject it, and their answer shows below after a sync."))
        self.notice.setObjectName("registerNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.expired = QLabel()
        self.expired.setObjectName("registerExpired")
        self.expired.setWordWrap(True)
        self.expired.setStyleSheet(EXPIRED_STYLE)
        self.expired.hide()
        self.form = form_layout()
        self.proposals_title = QLabel(self.tr("Your proposed corrections"))
        self.proposals = QTableWidget(0, 3)
        self.proposals.setObjectName("registerProposals")
        self.proposals.setHorizontalHeaderLabels(
            [self.tr("Proposed"), self.tr("Where it stands"), self.tr("HQ's answer")])
        columns, rows = own_headers(self.proposals)
        rows.hide()
        columns.setStretchLastSection(True)
        self.proposals.setWordWrap(True)
        self.proposals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.proposals.setMinimumHeight(110)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.expired)
        layout.addLayout(self.form)
        layout.addWidget(self.proposals_title)
        layout.addWidget(self.proposals, 1)
        self.setWidget(body)

    def show_detail(self, detail: RegisterDetail) -> None:
        """Fill the panel with one entry."""
        self.detail = detail
        while self.form.rowCount():
            self.form.removeRow(0)
        row = detail.row
        self.title.setText(row.capability)
        self.expired.setVisible(row.expired)
        if row.valid_until is not None:
            self.expired.setText("\u26a0 " + self.tr(
                "Valid-until passed ({date}): HQ asks the provider to confirm the offer. Check "
                "with the point of contact before relying on it.").format(
                date=row.valid_until.isoformat()))
        add = self.form.addRow
        add(self.tr("Category:"), _value(capability_label(row.category)))
        add(self.tr("Status:"), _value(register_status_label(row.status)))
        provider = row.provider
        if row.provider_state:
            provider = " \u2014 ".join(filter(None, (country_name(row.provider_state),
                                                     row.provider)))
        add(self.tr("Provider:"), _value(f"{provider} ({provider_kind_label(row.provider_kind)})"))
        capacity = capacity_text(row)  # type: ignore[arg-type]
        add(self.tr("Capacity:"), _value(f"{row.quantity} \u00d7 {capacity}" if capacity
                                         else str(row.quantity)))
        hours = self.tr("{hours} h")
        add(self.tr("Ready to move in:"), _value(hours.format(hours=row.readiness_hours)
                                                 if row.readiness_hours is not None
                                                 else self.tr("not given")))
        add(self.tr("Deploys in:"), _value(hours.format(hours=row.deployment_hours)
                                           if row.deployment_hours is not None
                                           else self.tr("not given")))
        add(self.tr("Valid until:"), _value(row.valid_until.isoformat() if row.valid_until
                                            else self.tr("no end date")))
        if detail.conditions:
            add(self.tr("Conditions:"), _value(detail.conditions))
        contact = " \u00b7 ".join(filter(None, (row.poc_name, detail.poc_phone,
                                                detail.poc_email)))
        add(self.tr("Point of contact:"), _value(contact))
        add(self.tr("Register version:"), _value(str(detail.version)))
        self._show_proposals(detail.proposals)

    def _show_proposals(self, proposals: tuple[ProposalView, ...]) -> None:
        self.proposals.setRowCount(len(proposals))
        self.proposals_title.setVisible(bool(proposals))
        self.proposals.setVisible(bool(proposals))
        for number, p in enumerate(proposals):
            changed = "; ".join(f"{field_label(k)}: {v or self.tr('(empty)')}"
                                for k, v in p.changes.items())
            what = "\n".join(filter(None, (changed, p.comment)))
            if not p.sent:
                where = self.tr("Not sent yet: goes to HQ with the next sync")
            else:
                where = proposal_status_label(p.status)
            answer = p.answer
            if p.answered_at is not None:
                by = f"{p.answered_by}, " if p.answered_by else ""
                answer = f"{answer}\n({by}{p.answered_at.astimezone():%Y-%m-%d %H:%M})".strip()
            for column, text in enumerate((what, where, answer)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.proposals.setItem(number, column, item)
        self.proposals.setColumnWidth(0, 200)
        self.proposals.setColumnWidth(1, 120)
        self.proposals.resizeRowsToContents()


class DirectoryDetailPanel(QStackedWidget):
    """The detail of the chosen row: the asset panel it is given, or a register entry's.
    While an entry is shown the asset panel is emptied (no asset is chosen)."""

    def __init__(self, asset_panel: QWidget) -> None:
        super().__init__()
        self.asset_panel = asset_panel
        self.register_panel = RegisterDetailPanel()
        self.addWidget(asset_panel)
        self.addWidget(self.register_panel)
        self.detail: AssetDetail | RegisterDetail | None = None

    def show_detail(self, detail: AssetDetail | RegisterDetail | None) -> None:
        """Show the panel for this detail (None: the empty asset panel)."""
        self.detail = detail
        if isinstance(detail, RegisterDetail):
            self.asset_panel.show_detail(None)  # type: ignore[attr-defined]  # no asset chosen
            self.register_panel.show_detail(detail)
            self.setCurrentWidget(self.register_panel)
            return
        self.asset_panel.show_detail(detail)  # type: ignore[attr-defined]
        self.setCurrentWidget(self.asset_panel)

    @property
    def asset(self) -> AssetDetail | None:
        """The asset shown (None when a register entry, or nothing, is)."""
        return self.detail if isinstance(self.detail, AssetDetail) else None

    @property
    def entry(self) -> RegisterDetail | None:
        """The register entry shown (None when an asset, or nothing, is)."""
        return self.detail if isinstance(self.detail, RegisterDetail) else None
