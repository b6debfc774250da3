"""The change notice and its notifier: subscribing, skipping one's own echo, threads."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from tareaid.app.changes import ChangeNotice, ChangeNotifier


def test_subscribers_get_each_notice_until_they_unsubscribe():
    notifier = ChangeNotifier()
    first, second = [], []
    stop_first = notifier.subscribe(first.append)
    notifier.subscribe(second.append)
    one = ChangeNotice(references=frozenset({"CRLM-001"}), fields=frozenset({"ecog"}))
    notifier.publish(one)
    stop_first()
    two = ChangeNotice(created=True, references=frozenset({"CRLM-002"}))
    notifier.publish(two)
    notifier.unsubscribe(second.append)
    notifier.publish(ChangeNotice(archive=True))
    assert first == [one]
    assert second == [one, two]
    assert notifier.listener_count == 0
    notifier.unsubscribe(first.append)  # not subscribed any more: no error


def test_the_originator_recognises_its_own_change():
    notifier = ChangeNotifier()

    class View:
        def __init__(self):
            self.refreshed = 0
            notifier.subscribe(self.on_notice)

        def on_notice(self, notice):
            if not notice.caused_by(self):
                self.refreshed += 1

    editor, board = View(), View()
    notifier.publish(ChangeNotice(references=frozenset({"A"}), overrides=True, origin=board))
    assert (editor.refreshed, board.refreshed) == (1, 0)
    notifier.publish(ChangeNotice(references=frozenset({"A"}), fields=frozenset({"ecog"})))
    assert (editor.refreshed, board.refreshed) == (2, 1)  # no origin: everyone refreshes


def test_a_failing_listener_does_not_keep_the_notice_from_the_others():
    notifier = ChangeNotifier()
    seen = []

    def broken(_notice):
        raise RuntimeError("a bug in a view")

    notifier.subscribe(broken)
    notifier.subscribe(seen.append)
    notice = ChangeNotice(archive=True)
    with pytest.raises(RuntimeError, match="a bug in a view"):
        notifier.publish(notice)
    assert seen == [notice]


def test_listeners_are_called_on_the_publishing_thread():
    notifier = ChangeNotifier()
    threads = []
    notifier.subscribe(lambda _notice: threads.append(threading.get_ident()))
    worker = threading.Thread(target=notifier.publish, args=(ChangeNotice(created=True),))
    worker.start()
    worker.join()
    assert threads == [worker.ident]


def test_what_a_notice_says():
    edit = ChangeNotice(
        references=frozenset({"CRLM-001"}), fields=frozenset({"board_date"}), decision=True
    )
    assert edit.affects("CRLM-001") and not edit.affects("CRLM-002") and not edit.affects(None)
    assert edit.field_changed("board_date") and not edit.field_changed("ecog")
    assert edit.case_data_changed and not edit.case_set_changed
    assert not edit.agenda_changed(date(2026, 12, 3))
    assert ChangeNotice(archive=True).case_set_changed
    assert not ChangeNotice(agenda_dates=frozenset({date(2026, 12, 3)})).case_data_changed
    # Equal notices are equal whoever made them (the origin is only for recognising oneself).
    assert ChangeNotice(archive=True, origin=1) == ChangeNotice(archive=True, origin=2)


def test_a_change_from_elsewhere_may_be_anything():
    anything = ChangeNotice.from_elsewhere()
    assert anything.affects("CRLM-001") and anything.affects("X")
    assert anything.field_changed("ecog")
    assert anything.case_data_changed and anything.case_set_changed
    assert anything.agenda_changed(date(2026, 12, 3))
    watcher = object()
    named = ChangeNotice.from_elsewhere(["CRLM-001"], origin=watcher)
    assert named.affects("CRLM-001") and not named.affects("CRLM-002")
    assert named.caused_by(watcher) and not named.caused_by(object())
