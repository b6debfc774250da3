"""The user's preferences the board windows follow, read from the main window's settings.

The projection shows bilirubin in the unit the user chose for the main window (the
``bilirubin_unit`` setting); until such a setting exists, or when it holds anything but a
known unit, it is mg/dL, the unit cases are stored in.
"""

from __future__ import annotations

from tareaid.domain.units import BILIRUBIN_UNITS, MG_DL


def bilirubin_unit(settings: object | None) -> str:
    """The bilirubin unit to show ('mg/dL' or 'µmol/L')."""
    reader = getattr(settings, "bilirubin_unit", None)
    if not callable(reader):
        return MG_DL
    try:
        unit = reader()
    except (TypeError, ValueError):
        return MG_DL
    return unit if unit in BILIRUBIN_UNITS else MG_DL
