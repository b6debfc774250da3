"""Units a clinician reads values in: bilirubin in mg/dL or µmol/L, numbers without lost digits.

Cases store bilirubin in mg/dL (the contract's ``bilirubin_mg_dl``); laboratories in the UK
and Europe report µmol/L. Displays convert with :func:`bilirubin_in` and show the unit
beside every value with :func:`format_bilirubin`; an editor that takes µmol/L converts back
with :func:`bilirubin_to_mg_dl`. The alert threshold is 2.0 mg/dL = 34.2 µmol/L.
"""

from __future__ import annotations

MG_DL = "mg/dL"
UMOL_L = "µmol/L"
BILIRUBIN_UNITS: tuple[str, ...] = (MG_DL, UMOL_L)

#: 1 mg/dL of bilirubin is 17.1 µmol/L.
UMOL_L_PER_MG_DL = 17.1

#: The work-up alert's threshold (CONTRACT.md §3: `bilirubin_mg_dl` > 2.0).
BILIRUBIN_LIMIT_MG_DL = 2.0


def format_number(value: float, min_decimals: int = 0) -> str:
    """A number as entered: ``3``, ``3.4``, ``2.01``; at least `min_decimals` decimals, and
    never fewer than the value has (up to 4)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{value:.{max(decimals, min_decimals)}f}"


def bilirubin_in(mg_dl: float, unit: str) -> float:
    """A bilirubin value stored in mg/dL, in `unit` (mg/dL or µmol/L)."""
    if unit == MG_DL:
        return mg_dl
    if unit == UMOL_L:
        return mg_dl * UMOL_L_PER_MG_DL
    raise ValueError(f"unknown bilirubin unit {unit!r} (expected {' or '.join(BILIRUBIN_UNITS)})")


def bilirubin_to_mg_dl(value: float, unit: str) -> float:
    """A bilirubin value entered in `unit`, in mg/dL for storage."""
    if unit == MG_DL:
        return value
    if unit == UMOL_L:
        return value / UMOL_L_PER_MG_DL
    raise ValueError(f"unknown bilirubin unit {unit!r} (expected {' or '.join(BILIRUBIN_UNITS)})")


def format_bilirubin(mg_dl: float, unit: str = MG_DL) -> str:
    """A stored bilirubin value with its unit: ``1.2 mg/dL`` or ``20.5 µmol/L``.

    mg/dL keeps the digits entered (at least one decimal); µmol/L has one decimal, or more
    when one decimal would put the value on the other side of the 2.0 mg/dL (34.2 µmol/L)
    alert threshold than it is, so a display never contradicts the alert.
    """
    if unit == MG_DL:
        return f"{format_number(mg_dl, 1)} {MG_DL}"
    converted = bilirubin_in(mg_dl, unit)
    limit = bilirubin_in(BILIRUBIN_LIMIT_MG_DL, unit)
    above = mg_dl > BILIRUBIN_LIMIT_MG_DL
    for decimals in range(1, 5):
        shown = round(converted, decimals)
        if (shown > round(limit, decimals)) == above:
            return f"{shown:.{decimals}f} {UMOL_L}"
    return f"{converted:.4f} {UMOL_L}"
