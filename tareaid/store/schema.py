"""The database schema by version, and the upgrades from one version to the next.

This module owns what each schema version *is*: the exact SQLite DDL of version 1 and the
steps that turn a version-N database into version N+1. A new SQLite database is created by
running every step from nothing, so "fresh" and "upgraded" databases are built by the same
code (tests also compare a fresh database with the committed version-1 fixture upgraded).

The version lives in ``PRAGMA user_version`` and the file is marked as TAREaid's with
``PRAGMA application_id``; both are plain integers in the file header, so they can be read
before SQLite is even asked to open the file, and they cost nothing at start-up (no Alembic
import, no version table query).

The DDL is written out by hand and frozen: a released version's text never changes, because
databases in users' hands were created from it. To change the schema, add a version.
"""

from __future__ import annotations

# "TARE" in ASCII. Written into every TAREaid database at creation; a file with another
# value belongs to another program and is refused untouched.
APPLICATION_ID = 0x54415245

SCHEMA_VERSION = 4

# Tables expected at each version, for `check`.
TABLES_BY_VERSION: dict[int, frozenset[str]] = {
    1: frozenset({"case_record", "case_override", "audit_entry"}),
    2: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    3: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
    4: frozenset({"case_record", "case_override", "audit_entry", "agenda_item", "attendee"}),
}

AUDIT_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete")

# --- version 1: cases, overrides and the append-only audit trail -----------------------------

_V1_CASE_RECORD = """
CREATE TABLE case_record (
    id INTEGER NOT NULL,
    reference VARCHAR(64) NOT NULL,
    reference_key TEXT NOT NULL,
    identity_key TEXT NOT NULL,
    patient_name VARCHAR(200),
    mrn VARCHAR(64),
    date_of_birth DATE,
    age_years INTEGER,
    sex VARCHAR(32),
    board_date DATE,
    primary_tumour_side VARCHAR(32),
    metastatic_pattern VARCHAR(32),
    treatment_goal VARCHAR(32),
    prior_systemic_lines INTEGER,
    ras_status VARCHAR(32),
    braf_status VARCHAR(32),
    msi_status VARCHAR(32),
    liver_lesion_count INTEGER,
    bilobar BOOLEAN,
    ablation_suitable BOOLEAN,
    resectable BOOLEAN,
    largest_lesion_mm INTEGER,
    ecog INTEGER,
    planned_chemotherapy VARCHAR(32),
    planned_biologic VARCHAR(32),
    checkpoint_inhibitor BOOLEAN,
    prior_kras_g12c_inhibitor BOOLEAN,
    microsphere VARCHAR(32),
    lung_shunt_fraction_pct FLOAT,
    bilirubin_mg_dl FLOAT,
    notes TEXT,
    decision_outcome VARCHAR(32),
    decision_rationale TEXT,
    decision_attendees TEXT,
    decision_dissent TEXT,
    decision_decided_on DATE,
    decision_finalised BOOLEAN NOT NULL,
    count_favours INTEGER NOT NULL,
    count_neutral INTEGER NOT NULL,
    count_against INTEGER NOT NULL,
    count_unassessed INTEGER NOT NULL,
    count_outside INTEGER NOT NULL,
    headline TEXT NOT NULL,
    assessed_with VARCHAR(64) NOT NULL,
    archived BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_case_record_reference UNIQUE (reference)
)
"""

_V1_CASE_OVERRIDE = """
CREATE TABLE case_override (
    case_id INTEGER NOT NULL,
    factor VARCHAR(32) NOT NULL,
    tier VARCHAR(16) NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (case_id, factor),
    CONSTRAINT fk_case_override_case_id FOREIGN KEY(case_id) REFERENCES case_record (id)
)
"""

_V1_AUDIT_ENTRY = """
CREATE TABLE audit_entry (
    id INTEGER NOT NULL,
    at VARCHAR(40) NOT NULL,
    os_user VARCHAR(256) NOT NULL,
    case_id INTEGER NOT NULL,
    reference VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    field VARCHAR(64),
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    entry_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_audit_entry_case_id FOREIGN KEY(case_id) REFERENCES case_record (id)
)
"""

# Each sortable list column gets an index ending in the reference (the tie-breaker), so a
# page of a 100,000-case list sorted by any column is an index walk, not a sort. The
# *_key indexes cover the search columns, so a substring search scans a narrow index
# instead of the wide table rows.
_V1_INDEXES = (
    "CREATE INDEX ix_case_record_reference_key ON case_record (reference_key, archived)",
    "CREATE INDEX ix_case_record_identity_key ON case_record (identity_key, archived)",
    "CREATE INDEX ix_case_record_board_date ON case_record (board_date, reference)",
    "CREATE INDEX ix_case_record_updated_at ON case_record (updated_at, reference)",
    "CREATE INDEX ix_case_record_favours ON case_record (count_favours, reference)",
    "CREATE INDEX ix_case_record_neutral ON case_record (count_neutral, reference)",
    "CREATE INDEX ix_case_record_against ON case_record (count_against, reference)",
    "CREATE INDEX ix_case_record_headline ON case_record (headline, reference)",
    "CREATE INDEX ix_case_record_assessed_with ON case_record (assessed_with)",
    "CREATE INDEX ix_audit_entry_case_id ON audit_entry (case_id, id)",
)

# The trail is part of the medical record: nothing may rewrite or remove it, whichever
# program opens the file.
_V1_TRIGGERS = (
    """
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
END
""",
    """
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
END
""",
)

V1_DDL: tuple[str, ...] = (
    _V1_CASE_RECORD,
    _V1_CASE_OVERRIDE,
    _V1_AUDIT_ENTRY,
    *_V1_INDEXES,
    *_V1_TRIGGERS,
)

# --- version 2: the tumour-board session ------------------------------------------------------

_V2_AGENDA_ITEM = """
CREATE TABLE agenda_item (
    id INTEGER NOT NULL,
    board_date DATE NOT NULL,
    position INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_agenda_item_board_date_case_id UNIQUE (board_date, case_id),
    CONSTRAINT fk_agenda_item_case_id FOREIGN KEY(case_id) REFERENCES case_record (id)
)
"""

_V2_ATTENDEE = """
CREATE TABLE attendee (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    specialty VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_attendee_name UNIQUE (name)
)
"""

V2_DDL: tuple[str, ...] = (
    _V2_AGENDA_ITEM,
    "CREATE INDEX ix_agenda_item_board_date ON agenda_item (board_date, position)",
    _V2_ATTENDEE,
)

# --- version 3: the list's search index ----------------------------------------------------

# The case list searched by reference and ordered by reference (its usual view): walking
# this index gives the rows in list order and tests the case-folded key without touching a
# table row, so a page of 200 matches stops after 200 hits instead of fetching and sorting
# every match (a 100,000-case search went from ~50 ms to ~1-25 ms). Nothing else changes.
V3_DDL: tuple[str, ...] = (
    "CREATE INDEX ix_case_record_reference_search "
    "ON case_record (reference, archived, reference_key)",
)

# --- version 4: the second release's case fields ---------------------------------------------

# The fields of CONTRACT.md §2b (trial-population check and work-up), one nullable column
# each, in the order of the field table. Adding columns keeps every row and every audit
# entry as it is: existing cases simply have these fields "not recorded".
V4_CASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("histology", "VARCHAR(32)"),
    ("life_expectancy_3_months", "BOOLEAN"),
    ("lung_metastasis_count", "INTEGER"),
    ("lung_metastasis_max_mm", "INTEGER"),
    ("nodal_regions", "INTEGER"),
    ("nodal_max_mm", "INTEGER"),
    ("bone_metastases", "BOOLEAN"),
    ("peritoneal_metastases", "BOOLEAN"),
    ("other_extrahepatic_site", "BOOLEAN"),
    ("albumin_g_dl", "FLOAT"),
    ("ascites", "BOOLEAN"),
    ("cirrhosis", "BOOLEAN"),
    ("portal_hypertension", "BOOLEAN"),
    ("main_portal_vein_involvement", "BOOLEAN"),
    ("prior_adjuvant_chemotherapy", "BOOLEAN"),
    ("adjuvant_ended_on", "DATE"),
    ("first_line_regimen", "VARCHAR(32)"),
    ("peripheral_neuropathy_grade", "INTEGER"),
    ("prior_upper_abdominal_radiotherapy", "BOOLEAN"),
    ("other_active_malignancy", "BOOLEAN"),
    ("lung_dose_gy", "FLOAT"),
)

V4_DDL: tuple[str, ...] = tuple(
    f"ALTER TABLE case_record ADD COLUMN {name} {sql_type}" for name, sql_type in V4_CASE_COLUMNS
)

# The statements that take a database from version N-1 to version N.
STEPS: dict[int, tuple[str, ...]] = {1: V1_DDL, 2: V2_DDL, 3: V3_DDL, 4: V4_DDL}
assert sorted(STEPS) == list(range(1, SCHEMA_VERSION + 1)), "a schema step is missing"


def steps_after(version: int) -> list[tuple[int, tuple[str, ...]]]:
    """The (target version, statements) steps that bring a `version` database up to date."""
    return [(v, STEPS[v]) for v in range(version + 1, SCHEMA_VERSION + 1)]
