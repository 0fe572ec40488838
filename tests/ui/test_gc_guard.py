"""Cycles holding Qt objects are collected on the GUI thread, never on a worker thread."""

from __future__ import annotations

import gc
import threading

from ui.gc_guard import collect_due, install_gui_collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collections_happen_on_the_gui_thread_only(qapp, qtbot):
    collector = install_gui_collector(qapp)
    assert install_gui_collector(qapp) is collector  # one per application
    assert not gc.isenabled()

    threads: list[int] = []

    def record(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    def allocate() -> None:  # what a background job does: allocate a lot, in cycles
        for _ in range(200_000):
            _Cycle()

    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert threads == []  # with automatic collection on, the worker would have collected
        qtbot.waitUntil(lambda: bool(threads), timeout=3000)  # the GUI thread's timer catches up
    finally:
        gc.callbacks.remove(record)
    assert set(threads) == {threading.main_thread().ident}


def test_stop_hands_collection_back_and_a_new_install_takes_it_again(qapp):
    collector = install_gui_collector(qapp)
    collector.stop()  # what ui.app.main does once the background jobs have stopped
    try:
        assert gc.isenabled()
        assert not collector.active
    finally:
        assert install_gui_collector(qapp) is collector  # the next Qt test takes it back
    assert collector.active
    assert not gc.isenabled()


def test_collect_due_collects_only_when_a_threshold_has_passed():
    was_enabled = gc.isenabled()
    gc.disable()  # as under the collector: only collect_due collects
    try:
        gc.collect()
        assert collect_due() == -1
        for _ in range(gc.get_threshold()[0] + 10):
            _Cycle()
        assert collect_due() == 0
    finally:
        if was_enabled:
            gc.enable()
