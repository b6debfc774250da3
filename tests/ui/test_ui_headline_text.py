"""The headline the interface shows: built from the assessment's parts in the interface's
language, the same sentence as the domain's in English, Chinese framing in Chinese with the
evidence pack's names (alerts, work-up fields) kept in English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tareaid.domain.assessment import assess
from tareaid.domain.case import Case
from tareaid.domain.evidence import load_pack
from tareaid.store.demo_cases import load_demo_cases
from tareaid.ui import i18n
from tareaid.ui.headline_text import headline_text


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    assert i18n.install(qapp, i18n.SIMPLIFIED_CHINESE) == "zh_CN"
    yield
    i18n.install(qapp, i18n.ENGLISH)


def _demo(reference: str) -> Case:
    return next(case for case in load_demo_cases() if case.reference == reference)


def test_in_english_the_interface_shows_the_domains_sentence():
    pack = load_pack()
    cases = [
        *load_demo_cases(),
        Case(reference="X-1"),
        # A contraindication and a caution together.
        Case(reference="X-2", lung_shunt_fraction_pct=25.0, planned_biologic="bevacizumab"),
    ]
    for case in cases:
        assessment = assess(case, pack)
        assert headline_text(assessment, pack) == assessment.headline, case.reference


def test_in_english_contraindication_and_caution_are_framed_as_the_contract_says():
    pack = load_pack()
    case = Case(
        reference="X-2",
        lung_shunt_fraction_pct=25.0,
        bilirubin_mg_dl=0.8,
        planned_biologic="bevacizumab",
    )
    text = headline_text(assess(case, pack), pack)
    assert text.startswith(
        "Contraindication to resolve first: lung shunt fraction above 20%; "
        "caution: anti-VEGF agent to pause before SIRT; "
    )


def test_in_chinese_the_framing_is_chinese_and_the_packs_names_stay_english(chinese):
    pack = load_pack()

    def shown(reference: str) -> str:
        return headline_text(assess(_demo(reference), pack), pack)

    assert shown("DEMO-01") == (
        "注意：anti-VEGF agent to pause before SIRT；"
        "6 项因素中 6 项支持加用 TARE，0 项中性，0 项不支持；1 项证据空白。"
    )
    assert shown("DEMO-04") == (
        "6 项因素中 0 项支持加用 TARE，1 项中性，2 项不支持，2 项未评估，1 项超出框架；"
        "2 项证据空白；未检查：lung shunt fraction 和 bilirubin 未记录。"
    )
    assert shown("DEMO-05") == (
        "需先解决的禁忌证：lung shunt fraction above 20%、lung dose above 30 Gy；"
        "6 项因素中 1 项支持加用 TARE，0 项中性，0 项不支持，5 项未评估；1 项证据空白。"
    )
    assert shown("DEMO-08") == (
        "6 项因素中 2 项支持加用 TARE，1 项中性，2 项不支持，1 项未评估；1 项证据空白；"
        "未检查：lung shunt fraction、bilirubin 和 lung dose 未记录。"
    )
