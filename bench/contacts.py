"""Contacts screen figures on the 100k-contact profile: `python -m bench.contacts`.

Runs the real ContactsScreen (offscreen unless QT_QPA_PLATFORM says otherwise) on
/tmp/bigprofile, read-only (the screen's settings go to a temporary file):

- open_ms: screen built and shown until the first rows are in the table (target <= 300);
- filter_p95_ms: per keystroke, from the filter applied (the debounce timer skipped) to
  the new list shown, over the prefixes of 10 names (target <= 50);
- sort_ms: a click on each sortable column until the first rows are shown again
  (target <= 300; the max is compared);
- rss_mb: the process after opening and scrolling to the end of the list (target <= 250);
- import_vcard_10k_s, import_outlook_csv_10k_s and contact_sheet_pdf_s (500 contacts):
  from bench.contacts_core.

The profile is encrypted, as the application keeps it (an encrypted copy is made the first
time); `--plain` measures the plain file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.common import BIG_PROFILE, ensure_big_profile, open_profile, percentile  # noqa: E402
from bench.contacts_core import import_seconds, outlook_csv, sheet_seconds  # noqa: E402
from fieldapp.importexport.contacts_export import export_vcard  # noqa: E402
from fieldapp.services.contacts import contact_page  # noqa: E402
from fieldapp.services.operations import current_operation  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.models.lazy_table import LOADING  # noqa: E402

TARGETS = {"open_ms": 300, "filter_p95_ms": 50, "sort_ms": 300, "rss_mb": 250,
           "import_vcard_10k_s": 10, "import_outlook_csv_10k_s": 10,
           "contact_sheet_pdf_s": 2}


def _wait(signal: object, start: Callable[[], None], timeout_ms: int = 30_000) -> float:
    """Run `start`, then wait for `signal`; the milliseconds it took."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    began = time.perf_counter()
    start()
    loop.exec()
    elapsed = (time.perf_counter() - began) * 1000
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]
    return elapsed


def _until(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run(profile: Path, *, encrypted: bool = True) -> dict[str, object]:
    """Measure and return the figures."""
    from ui.gc_guard import install_gui_collector
    from ui.screens.contacts import ContactsScreen

    app = QApplication.instance() or QApplication([])
    install_gui_collector(app)  # as the application does
    db = open_profile(profile, encrypted=encrypted)
    paths = db.paths
    tmp = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(tmp.name) / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(paths=paths, settings=settings, db=db)
    with db.session() as session:
        operation = current_operation(session)
        op_id = operation.id if operation else None
        names = [r.name for r in contact_page(session, operation_id=op_id, limit=5000)]
    ctx.set_current_operation_id(op_id or "")
    figures: dict[str, object] = {}

    holder: list[ContactsScreen] = []

    def open_screen() -> None:
        screen = ContactsScreen(ctx)
        screen.resize(1200, 800)
        screen.show()
        holder.append(screen)

    # The screen's model exists only once it is built: wait on a signal that outlives it.
    loop = QEventLoop()
    began = time.perf_counter()
    open_screen()
    screen = holder[0]
    screen.model.loaded.connect(loop.quit)
    if screen.model.loading:
        loop.exec()
    _until(lambda: screen.model.data(screen.model.index(0, 1)) not in (None, LOADING))
    app.processEvents()
    figures["open_ms"] = round((time.perf_counter() - began) * 1000, 1)
    figures["contacts"] = screen.model.rowCount()

    rng = random.Random(11)
    typed = [name[:n] for name in rng.sample(names, 10) for n in range(1, len(name) + 1)]
    timings = []
    for text in typed:
        screen.filter.blockSignals(True)
        screen.filter.setText(text)
        screen.filter.blockSignals(False)
        if screen.current_query() == screen.model.query:  # e.g. a space typed: no new query
            began = time.perf_counter()
            screen.apply_filter()
            timings.append((time.perf_counter() - began) * 1000)
            continue
        timings.append(_wait(screen.model.loaded, screen.apply_filter))
    figures["keystrokes"] = len(timings)
    figures["filter_p95_ms"] = round(percentile(timings, 95), 1)
    figures["filter_max_ms"] = round(max(timings), 1)
    _wait(screen.model.loaded, lambda: (screen.filter.setText(""), screen.apply_filter()))

    header = screen.table.horizontalHeader()
    sort_ms = {}
    for column, spec in enumerate(screen.model.columns):
        def click(column: int = column) -> None:
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        sort_ms[spec.key] = round(_wait(screen.model.loaded, click), 1)
    figures["sort_ms_by_column"] = sort_ms
    figures["sort_ms"] = max(sort_ms.values())
    _wait(screen.model.loaded,
          lambda: header.setSortIndicator(1, Qt.SortOrder.AscendingOrder))

    model = screen.model
    _until(lambda: model.all_ids_known)
    began = time.perf_counter()
    screen.table.scrollToBottom()
    last = model.rowCount() - 1
    _until(lambda: model.data(model.index(last, 1)) not in (None, LOADING))
    figures["scroll_to_end_ms"] = round((time.perf_counter() - began) * 1000, 1)
    figures["rss_mb"] = _rss_mb()
    figures["cached_pages"] = model.cached_pages()

    with db.session() as session:
        vcard = export_vcard(session, operation_id=op_id, limit=10_000)
    figures["import_vcard_10k_s"] = import_seconds(vcard)
    figures["import_outlook_csv_10k_s"] = import_seconds(outlook_csv(10_000))
    figures["contact_sheet_pdf_s"] = sheet_seconds(db, op_id)
    screen.close()
    ctx.shutdown()
    tmp.cleanup()
    figures["targets"] = TARGETS
    figures["met"] = {key: float(figures[key]) <= target  # type: ignore[arg-type]
                      for key, target in TARGETS.items()}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    parser.add_argument("--plain", action="store_true", help="the unencrypted profile")
    args = parser.parse_args()
    figures = {"encrypted": not args.plain,
               **run(ensure_big_profile(args.profile), encrypted=not args.plain)}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
