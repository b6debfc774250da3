"""The Markdown agenda summary passes no HTML, link, image or code from free text, and a
pipe never splits a table cell; per-case PDF names are never Windows device names."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tareaid.app.agenda_summary import SummaryRow, render

HOSTILE = [
    "<script>alert(1)</script>",
    "[click here](http://example.invalid/steal)",
    "![img](http://example.invalid/x.png)",
    "`rm -rf /` and ```fenced```",
    "a | b || c",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ # heading",
    "line one\nline two",
]


def _row(text: str) -> SummaryRow:
    return SummaryRow(
        position=1,
        reference="CASE-1",
        headline="2 of 6 factors favour adding TARE",
        outcome="Deferred",
        finalised="no",
        decided_on="2026-12-03",
        rationale=text,
        attendees=text,
        dissent=text,
    )


def _cells(line: str) -> list[str]:
    # Split on pipes that are not escaped.
    return re.split(r"(?<!\\)\|", line.strip().strip("|"))


@pytest.mark.parametrize("text", HOSTILE)
def test_free_text_is_escaped_in_markdown(text):
    out = render([_row(text)], date(2026, 12, 3), "markdown")
    table_row = out.strip().splitlines()[-1]
    assert len(_cells(table_row)) == 9
    assert "<script" not in out
    assert "<img" not in out
    assert "](" not in out.replace("\\](", "").replace("\\]\\(", "")
    assert re.search(r"(?<!\\)\[", table_row) is None
    assert re.search(r"(?<!\\)`", table_row) is None
    assert re.search(r"(?<!\\)\*", table_row) is None


def test_line_breaks_stay_line_breaks():
    out = render([_row("line one\nline two")], date(2026, 12, 3), "markdown")
    assert "line one<br>line two" in out


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("CON", "case-CON"),
        ("con", "case-con"),
        ("NUL.txt", "case-NUL.txt"),
        ("nul", "case-nul"),
        ("COM1", "case-COM1"),
        ("lpt9", "case-lpt9"),
        ("Aux.pdf", "case-Aux.pdf"),
        ("PRN", "case-PRN"),
        ("CONSOLE-1", "CONSOLE-1"),
        ("COM10", "COM10"),
        ("case:1?*", "case_1"),
        ("trailing. . ", "trailing"),
        ("CRLM-001", "CRLM-001"),
    ],
)
def test_per_case_pdf_names_are_never_windows_device_names(reference, expected):
    from tareaid.ui.board.export import safe_filename

    assert safe_filename(reference) == expected


def test_bare_addresses_are_not_turned_into_links():
    out = render(
        [_row("see http://example.invalid and www.example.invalid")], date(2026, 12, 3), "markdown"
    )
    assert "http://" not in out and "www." not in out
    assert "CRLM" not in out
    assert "CASE-1" in out  # ordinary punctuation is left as it is


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("write to a@b.com", "write to a&#64;b.com"),
        ("mailto:a@b.com", "mailto&#58;a&#64;b.com"),
        ("MAILTO:someone", "MAILTO&#58;someone"),
        ("xmpp:board@chat.example", "xmpp&#58;board&#64;chat.example"),
    ],
)
def test_email_addresses_and_mailto_are_not_turned_into_links(typed, written):
    # GitHub-flavoured Markdown links a bare address and mailto:/xmpp: text; the escaped
    # forms show the same characters without a link.
    out = render([_row(typed)], date(2026, 12, 3), "markdown")
    (line,) = [line for line in out.splitlines() if line.startswith("| 1 |")]
    assert [cell.strip() for cell in _cells(line)][6:9] == [written, written, written]
    assert "@" not in out
