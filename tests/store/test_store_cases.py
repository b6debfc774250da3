"""Storing cases: exact round trips, all-or-nothing import, duplicates, listing and search."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from store_helpers import FULL_CASE, full_case, make_case

from tareaid.domain.case import (
    Case,
    CaseError,
    case_to_dict,
    dumps_cases,
    parse_case,
    parse_case_document,
)
from tareaid.store.audit import to_json_text
from tareaid.store.errors import CaseNotFoundError, DuplicateReferenceError
from tareaid.store.repository import Repository


def test_round_trip_of_every_field_through_import_and_export(repo):
    minimal = {"reference": "CRLM-043"}
    document = {"format": "tareaid.case/1", "cases": [FULL_CASE, minimal]}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    cases, _ = parse_case_document(text.encode("utf-8"), source="in.json")
    assert repo.import_cases(cases) == 2
    exported = dumps_cases(repo.export_cases())
    # The export is the same JSON document, key for key and character for character.
    assert json.loads(exported) == document
    assert exported == text


def test_a_stored_case_reads_back_identical(repo):
    case = full_case()
    stored = repo.create_case(case)
    assert stored.version == 1
    assert stored.archived is False
    again = repo.get_case("CRLM-042")
    assert again.case == case
    assert again.case.patient_name == "Zoë Ñúñez-Åberg 示例 (fictional)"
    assert again.case.date_of_birth == date(1950, 3, 12)
    assert again.case.lung_shunt_fraction_pct == 12.5
    assert again.case.bilobar is True
    assert again.case.checkpoint_inhibitor is False
    assert again.case.decision is not None
    assert again.case.decision.attendees == ("Dr A (HPB surgery)", "Dr 山田 (IR)")
    assert list(again.case.overrides) == ["timing", "ecog"]  # the contract's factor order
    assert again.created_at.tzinfo is not None


def test_a_reopened_database_gives_the_same_cases(db_path):
    with Repository.open(str(db_path)) as first:
        first.create_case(full_case())
    with Repository.open(str(db_path), create=False) as second:
        assert second.get_case("CRLM-042").case == full_case()


def test_import_with_an_invalid_500th_case_imports_nothing(repo):
    cases = [make_case(f"BULK-{i:04d}", ecog=i % 5) for i in range(1, 1001)]
    # A Case built directly (not read from a file) can hold an invalid value; the store
    # validates every case again before writing anything.
    cases[499] = replace(cases[499], ecog=7)
    with pytest.raises(CaseError) as caught:
        repo.import_cases(cases)
    assert "BULK-0500" in str(caught.value)
    assert "ecog" in str(caught.value)
    assert repo.count_cases(include_archived=True) == 0
    assert repo.check().healthy


def test_cases_read_from_a_file_are_not_parsed_again(repo, monkeypatch):
    from tareaid.store import repository as module

    parsed: list[str] = []
    real_parse = module.parse_case

    def counting_parse(data, **kwargs):
        parsed.append(data["reference"])
        return real_parse(data, **kwargs)

    monkeypatch.setattr(module, "parse_case", counting_parse)
    cases = [make_case(f"ONCE-{i}", ecog=i % 5) for i in range(5)]
    # One built another way is validated again.
    cases[2] = replace(cases[2], notes="  ")
    assert repo.import_cases(cases) == 5
    assert parsed == ["ONCE-2"]
    # ...and stored as validation normalised it, in the case and in its trail.
    assert repo.get_case("ONCE-2").case.notes is None
    assert "notes" not in repo.history("ONCE-2")[0].new
    assert repo.history("ONCE-1")[0].new == to_json_text(case_to_dict(cases[1]))


def test_import_of_an_existing_reference_imports_nothing_and_names_it(repo):
    repo.create_case(make_case("DUP-7"))
    batch = [make_case("NEW-1"), make_case("DUP-7"), make_case("NEW-2")]
    with pytest.raises(DuplicateReferenceError) as caught:
        repo.import_cases(batch)
    assert "DUP-7" in caught.value.message
    assert repo.where in caught.value.message
    assert caught.value.exit_code == 2
    assert [s.reference for s in repo.list_cases()] == ["DUP-7"]


def test_import_refuses_a_reference_twice_in_the_same_batch(repo):
    with pytest.raises(DuplicateReferenceError) as caught:
        repo.import_cases([make_case("TWICE"), make_case("ONCE"), make_case("TWICE")])
    assert "TWICE" in caught.value.message
    assert repo.count_cases() == 0


def test_create_refuses_a_duplicate_even_when_archived(repo):
    repo.create_case(make_case("A-1"))
    repo.archive_case("A-1")
    with pytest.raises(DuplicateReferenceError, match="A-1"):
        repo.create_case(make_case("A-1"))


def test_import_reports_progress_and_returns_the_count(repo):
    seen: list[tuple[int, int]] = []
    count = repo.import_cases(
        [make_case(f"P-{i:04d}") for i in range(600)], progress=lambda d, t: seen.append((d, t))
    )
    assert count == 600
    assert seen[-1] == (600, 600)
    assert all(total == 600 for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_case_not_found(repo):
    with pytest.raises(CaseNotFoundError) as caught:
        repo.get_case("NOPE-1")
    assert caught.value.exit_code == 1
    assert "no case with reference NOPE-1" in caught.value.message
    with pytest.raises(CaseNotFoundError):
        repo.export_cases(["NOPE-1"])
    with pytest.raises(CaseNotFoundError):
        repo.history("NOPE-1")


def _listed(repo, **kwargs) -> list[str]:
    return [s.reference for s in repo.list_cases(**kwargs)]


def test_list_summaries_come_from_the_assessment(repo):
    # Tiers typed from CONTRACT.md §3: liver_only favours, palliative against, 2 prior
    # lines outside, RAS unknown unassessed, liver lesions unassessed, ECOG 2 neutral.
    repo.create_case(
        make_case(
            "SUM-1",
            board_date="2026-12-03",
            metastatic_pattern="liver_only",
            treatment_goal="palliative",
            prior_systemic_lines=2,
            ras_status="unknown",
            ecog=2,
            bilirubin_mg_dl=2.5,
        )
    )
    (summary,) = repo.list_cases()
    assert summary.counts == {
        "favours": 1,
        "neutral": 1,
        "against": 1,
        "unassessed": 2,
        "outside": 1,
    }
    assert summary.board_date == date(2026, 12, 3)
    assert summary.headline.startswith(
        "Contraindication to resolve first: bilirubin above 2.0 mg/dL (34.2 µmol/L); "
    )
    assert summary.decision_outcome is None
    assert summary.finalised is False
    assert summary.version == 1


def test_search_order_and_pages(repo):
    repo.import_cases(
        [
            make_case("ALPHA-1", board_date="2026-12-10", ecog=0, patient_name="Zoë Müller"),
            make_case("alpha-2", board_date="2026-12-03", ecog=3, mrn="MRN-ÅB-77"),
            make_case("BETA-1", ecog=0, metastatic_pattern="liver_only"),
            make_case("50%_DONE"),
        ]
    )
    assert _listed(repo) == ["50%_DONE", "ALPHA-1", "BETA-1", "alpha-2"]
    assert _listed(repo, search="ALPHA") == ["ALPHA-1", "alpha-2"]
    assert _listed(repo, search="pha-") == ["ALPHA-1", "alpha-2"]
    # LIKE wildcards in the search text are plain characters.
    assert _listed(repo, search="%_") == ["50%_DONE"]
    assert _listed(repo, search="_") == ["50%_DONE"]
    # Names and MRNs are searched only when asked for, case-insensitively in any script.
    assert _listed(repo, search="zoë") == []
    assert _listed(repo, search="ZOË", search_identifiers=True) == ["ALPHA-1"]
    assert _listed(repo, search="åb-7", search_identifiers=True) == ["alpha-2"]
    assert repo.count_cases("alpha") == 2
    assert repo.count_cases("ZOË", search_identifiers=True) == 1
    assert _listed(repo, order_by="favours", descending=True) == [
        "BETA-1",
        "ALPHA-1",
        "alpha-2",
        "50%_DONE",
    ]
    # Cases without a board date first in ascending order, last in descending order, on
    # either backend (ties by reference).
    assert _listed(repo, order_by="board_date") == ["50%_DONE", "BETA-1", "alpha-2", "ALPHA-1"]
    assert _listed(repo, order_by="board_date", descending=True) == [
        "ALPHA-1",
        "alpha-2",
        "BETA-1",
        "50%_DONE",
    ]
    assert _listed(repo, offset=1, limit=2) == ["ALPHA-1", "BETA-1"]
    for order in (
        "reference",
        "board_date",
        "favours",
        "neutral",
        "against",
        "headline",
        "updated_at",
    ):
        assert len(repo.list_cases(order_by=order, limit=3)) == 3
    with pytest.raises(ValueError):
        repo.list_cases(order_by="patient_name")


def test_a_search_gives_the_same_cases_in_every_order(repo):
    # In reference order the search is tested on the search index as it walks the list; in
    # any other order the matching ids are looked up first. Both must find the same cases.
    cases = [
        make_case(f"{prefix}-{i:03d}", ecog=i % 4, board_date=f"2026-12-{1 + i % 28:02d}")
        for prefix in ("CRLM", "HPB", "crlm_x")
        for i in range(30)
    ]
    repo.import_cases(cases)
    for reference in ("CRLM-007", "HPB-011", "crlm_x-003"):
        repo.archive_case(reference)
    references = [case.reference for case in cases]
    for search in ("crlm", "M-00", "_x-0", "1", "zzz"):
        for include_archived in (False, True):
            expected = sorted(
                r
                for r in references
                if search.casefold() in r.casefold()
                and (include_archived or r not in ("CRLM-007", "HPB-011", "crlm_x-003"))
            )
            assert repo.count_cases(search, include_archived=include_archived) == len(expected)
            for order in ("reference", "board_date", "favours", "headline", "updated_at"):
                for descending in (False, True):
                    listed = [
                        s.reference
                        for s in repo.list_cases(
                            search,
                            include_archived=include_archived,
                            order_by=order,
                            descending=descending,
                        )
                    ]
                    assert sorted(listed) == expected, (search, order, descending)
            page = _listed(repo, search=search, include_archived=include_archived, limit=7)
            assert page == expected[:7]
            rest = _listed(
                repo, search=search, include_archived=include_archived, offset=7, limit=500
            )
            assert rest == expected[7:]


def test_archived_cases_are_left_out_unless_asked_for(repo):
    repo.import_cases([make_case("K-1"), make_case("K-2")])
    repo.archive_case("K-1")
    assert _listed(repo) == ["K-2"]
    assert _listed(repo, include_archived=True) == ["K-1", "K-2"]
    assert repo.count_cases() == 1
    assert [c.reference for c in repo.export_cases()] == ["K-2"]
    assert [c.reference for c in repo.export_cases(include_archived=True)] == ["K-1", "K-2"]
    # Named explicitly, an archived case is exported.
    assert [c.reference for c in repo.export_cases(["K-1"])] == ["K-1"]
    assert repo.get_case("K-1").archived is True
    repo.restore_case("K-1")
    assert _listed(repo) == ["K-1", "K-2"]


def test_rename_keeps_the_case_and_its_history(repo):
    stored = repo.create_case(make_case("OLD-1", ecog=1))
    renamed = repo.rename_case("OLD-1", "NEW-1", expected_version=stored.version)
    assert renamed.case.reference == "NEW-1"
    assert renamed.version == 2
    with pytest.raises(CaseNotFoundError):
        repo.get_case("OLD-1")
    assert repo.get_case("NEW-1").case.ecog == 1
    assert [e.action for e in repo.history("NEW-1")] == ["create", "rename"]
    # The trail still answers to the case's earlier reference.
    assert [e.action for e in repo.history("OLD-1")] == ["create", "rename"]
    repo.create_case(make_case("OTHER"))
    with pytest.raises(DuplicateReferenceError):
        repo.rename_case("NEW-1", "OTHER", expected_version=2)
    with pytest.raises(CaseError):
        repo.rename_case("NEW-1", " bad ", expected_version=2)


def test_agenda_keeps_the_coordinators_order(repo):
    board = date(2026, 12, 3)
    repo.import_cases(
        [
            make_case("B-1", board_date="2026-12-03"),
            make_case("B-2", board_date="2026-12-03"),
            make_case("B-3", board_date="2026-12-03"),
            make_case("C-1", board_date="2026-12-10"),
        ]
    )
    assert repo.agenda(board) == ["B-1", "B-2", "B-3"]
    repo.set_agenda(board, ["B-3", "C-1", "B-1"])
    # Ordered ones first; cases dated that day without a place come after, by reference.
    assert repo.agenda(board) == ["B-3", "C-1", "B-1", "B-2"]
    repo.archive_case("C-1")
    assert repo.agenda(board) == ["B-3", "B-1", "B-2"]
    with pytest.raises(CaseNotFoundError):
        repo.set_agenda(board, ["B-1", "NOPE"])
    assert repo.agenda(board) == ["B-3", "B-1", "B-2"]
    assert repo.agenda(date(2027, 1, 1)) == []


def test_attendees_are_remembered(repo):
    assert repo.attendees() == []
    repo.remember_attendee("Dr Ío Fernández", "HPB surgery")
    repo.remember_attendee("Dr 山田", "Interventional radiology")
    repo.remember_attendee("Dr Ío Fernández", "Surgery")
    assert repo.attendees() == [
        ("Dr Ío Fernández", "Surgery"),
        ("Dr 山田", "Interventional radiology"),
    ]


def test_an_unchanged_save_writes_nothing(repo):
    stored = repo.create_case(make_case("SAME", ecog=1))
    again = repo.save_case(stored.case, expected_version=1)
    assert again.version == 1
    assert [e.action for e in repo.history("SAME")] == ["create"]


def test_blank_text_is_stored_as_not_recorded(repo):
    case = Case(reference="BLANK", notes="   ")
    repo.create_case(case)
    assert repo.get_case("BLANK").case.notes is None


def test_in_memory_database_for_previews():
    with Repository.open("sqlite://") as memory:
        memory.create_case(make_case("MEM-1"))
        assert memory.path is None
        assert [s.reference for s in memory.list_cases()] == ["MEM-1"]


def test_default_database_lives_in_the_user_data_directory(private_data_dir: Path):
    from tareaid.store.location import default_database_path, resolve_database_url

    path = default_database_path()
    assert path == private_data_dir / "TAREaid" / "tareaid.sqlite3"
    assert resolve_database_url(None) == f"sqlite:///{path}"
    assert resolve_database_url("postgresql://db.example/tare") == "postgresql://db.example/tare"
    assert resolve_database_url("/tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    with Repository.open(None) as default:
        assert default.path == path
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_case_objects_must_be_cases(repo):
    with pytest.raises(TypeError):
        repo.create_case({"reference": "X"})  # type: ignore[arg-type]
    assert parse_case({"reference": "X"}).reference == "X"


def test_a_sqlite_url_is_the_same_file_with_the_same_checks(tmp_path):
    path = tmp_path / "via-url.sqlite3"
    with Repository.open(f"sqlite:///{path}") as repository:
        repository.create_case(make_case("URL-1"))
        assert repository.path == path
    with Repository.open(str(path), create=False) as repository:
        assert [s.reference for s in repository.list_cases()] == ["URL-1"]


def test_a_server_url_never_shows_its_password(tmp_path):
    from tareaid.store.errors import StoreError

    # Nothing listens on port 1, so the open fails: the message names the database without
    # the password.
    with pytest.raises(StoreError) as caught:
        Repository.open("postgresql://board:s3cret-pw@127.0.0.1:1/tareaid")
    assert caught.value.exit_code == 1
    assert "s3cret-pw" not in caught.value.message
    assert "postgresql://board:***@127.0.0.1:1/tareaid" in caught.value.message


def test_a_server_database_keeps_cases_like_a_file(postgres_url):
    with Repository.open(postgres_url) as repository:
        assert "tareaid-test" not in repr(repository)
        stored = repository.create_case(full_case("SRV-1"))
        repository.import_cases([make_case(f"SRV-{i}", ecog=i % 5) for i in range(2, 12)])
        saved = repository.save_case(
            stored.case.with_changes(ecog=1),
            expected_version=stored.version,
            amend_reason="Corrected after clinic",
        )
        assert saved.version == 2
        repository.rename_case("SRV-2", "SRV-2B", expected_version=1)
        repository.archive_case("SRV-3")
        repository.set_agenda(date(2026, 12, 3), ["SRV-4", "SRV-1"])
        repository.remember_attendee("Dr A (fictional)", "HPB surgery")
    with Repository.open(postgres_url, create=False) as repository:
        assert repository.count_cases() == 10
        assert repository.count_cases("srv-1") == 3  # SRV-1, SRV-10, SRV-11
        assert repository.get_case("SRV-1").case.ecog == 1
        assert [e.action for e in repository.history("SRV-2")] == ["import", "rename"]
        assert repository.agenda(date(2026, 12, 3))[:2] == ["SRV-4", "SRV-1"]
        assert repository.attendees() == [("Dr A (fictional)", "HPB surgery")]
        report = repository.check()
        assert report.healthy, report.problems
        assert report.case_count == 11
