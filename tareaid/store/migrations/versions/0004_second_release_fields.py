"""Schema version 4: the second release's case fields (CONTRACT.md §2b).

Revision ID: 0004
Revises: 0003

One nullable column per field of the trial-population check and the work-up, added at the
end of ``case_record``. Adding columns keeps every row and every audit entry as it is:
existing cases simply have these fields "not recorded".

Frozen: never changes and never reads the current models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# In the order of the field table; choice words fit VARCHAR(32) like the first release's.
_COLUMNS = (
    ("histology", sa.String(32)),
    ("life_expectancy_3_months", sa.Boolean()),
    ("lung_metastasis_count", sa.Integer()),
    ("lung_metastasis_max_mm", sa.Integer()),
    ("nodal_regions", sa.Integer()),
    ("nodal_max_mm", sa.Integer()),
    ("bone_metastases", sa.Boolean()),
    ("peritoneal_metastases", sa.Boolean()),
    ("other_extrahepatic_site", sa.Boolean()),
    ("albumin_g_dl", sa.Float()),
    ("ascites", sa.Boolean()),
    ("cirrhosis", sa.Boolean()),
    ("portal_hypertension", sa.Boolean()),
    ("main_portal_vein_involvement", sa.Boolean()),
    ("prior_adjuvant_chemotherapy", sa.Boolean()),
    ("adjuvant_ended_on", sa.Date()),
    ("first_line_regimen", sa.String(32)),
    ("peripheral_neuropathy_grade", sa.Integer()),
    ("prior_upper_abdominal_radiotherapy", sa.Boolean()),
    ("other_active_malignancy", sa.Boolean()),
    ("lung_dose_gy", sa.Float()),
)


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: SQLite adds a nullable column in place, without
    # rebuilding the table (so the audit trail's triggers and foreign keys are untouched).
    for name, sql_type in _COLUMNS:
        op.add_column("case_record", sa.Column(name, sql_type, nullable=True))


def downgrade() -> None:
    raise NotImplementedError(
        "TAREaid upgrades its schema in one direction; restore the copy taken before the upgrade"
    )
