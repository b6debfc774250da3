"""The user's preferences and window state, kept in QSettings.

This module owns every settings key the desktop application reads or writes, with its
default, so that no other module spells a key by hand. Tests point QSettings at a temporary
folder, so nothing here touches a real user's settings.
"""

from __future__ import annotations

from tareaid.domain.units import BILIRUBIN_UNITS, MG_DL
from tareaid.ui.qt import QtCore

ORGANISATION = "TAREaid"
APPLICATION = "TAREaid"

RECENT_MAX = 8
THEMES = ("system", "light", "dark")
# The interface language: the system's, or one of those shipped (tareaid.ui.i18n).
LANGUAGES = ("system", "en", "zh_CN")
PAGE_SIZES = ("A4", "Letter")

_RECENT = "databases/recent"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_SHOW_IDENTIFIERS = "view/show_identifiers"
_SHOW_ARCHIVED = "view/show_archived"
_THEME = "view/theme"
_BILIRUBIN_UNIT = "view/bilirubin_unit"
_LANGUAGE = "view/language"
_PAGE_SIZE = "report/page_size"
_DEIDENTIFIED = "report/deidentified"
_SORT_COLUMN = "list/sort_column"
_SORT_DESCENDING = "list/sort_descending"


def _as_bool(value: object, default: bool) -> bool:
    # QSettings' INI backend gives booleans back as the strings "true"/"false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    if value is None:
        return default
    return bool(value)


class _MemoryStore:
    """The part of QSettings that Settings uses, kept in a dict and never written anywhere.

    For `tareaid --smoke`: a check of the installed program must not change the user's
    window state, preferences or recent-databases list.
    """

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:
        self._values[key] = value

    def sync(self) -> None:
        pass


class Settings:
    """Typed access to TAREaid's QSettings with defaults."""

    def __init__(self, store: QtCore.QSettings | _MemoryStore | None = None) -> None:
        self._store = store or QtCore.QSettings(ORGANISATION, APPLICATION)

    @classmethod
    def in_memory(cls) -> Settings:
        """Settings with every default, forgotten when the program ends."""
        return cls(_MemoryStore())

    def sync(self) -> None:
        self._store.sync()

    # Databases --------------------------------------------------------------------------

    def recent_databases(self) -> list[str]:
        value = self._store.value(_RECENT, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(item) for item in (value or []) if item][:RECENT_MAX]

    def add_recent_database(self, database: str) -> None:
        recent = [item for item in self.recent_databases() if item != database]
        self._store.setValue(_RECENT, [database, *recent][:RECENT_MAX])

    def clear_recent_databases(self) -> None:
        self._store.setValue(_RECENT, [])

    # Window -----------------------------------------------------------------------------

    def window_geometry(self) -> QtCore.QByteArray | None:
        value = self._store.value(_GEOMETRY)
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_window_geometry(self, value: QtCore.QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    def window_state(self) -> QtCore.QByteArray | None:
        value = self._store.value(_STATE)
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_window_state(self, value: QtCore.QByteArray) -> None:
        self._store.setValue(_STATE, value)

    def splitter_state(self) -> QtCore.QByteArray | None:
        value = self._store.value(_SPLITTER)
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_splitter_state(self, value: QtCore.QByteArray) -> None:
        self._store.setValue(_SPLITTER, value)

    # View -------------------------------------------------------------------------------

    def show_identifiers(self) -> bool:
        # Off by default: names and MRNs appear only when the user asks for them.
        return _as_bool(self._store.value(_SHOW_IDENTIFIERS), False)

    def set_show_identifiers(self, value: bool) -> None:
        self._store.setValue(_SHOW_IDENTIFIERS, bool(value))

    def show_archived(self) -> bool:
        return _as_bool(self._store.value(_SHOW_ARCHIVED), False)

    def set_show_archived(self, value: bool) -> None:
        self._store.setValue(_SHOW_ARCHIVED, bool(value))

    def theme(self) -> str:
        value = str(self._store.value(_THEME, "system"))
        return value if value in THEMES else "system"

    def set_theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._store.setValue(_THEME, value)

    def language(self) -> str:
        """The interface language chosen: 'system' (the default), 'en' or 'zh_CN'."""
        value = str(self._store.value(_LANGUAGE, "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._store.setValue(_LANGUAGE, value)

    def bilirubin_unit(self) -> str:
        """The unit serum bilirubin is shown and typed in: mg/dL (the default) or µmol/L."""
        value = str(self._store.value(_BILIRUBIN_UNIT, MG_DL))
        return value if value in BILIRUBIN_UNITS else MG_DL

    def set_bilirubin_unit(self, value: str) -> None:
        if value not in BILIRUBIN_UNITS:
            raise ValueError(f"unknown bilirubin unit {value!r}")
        self._store.setValue(_BILIRUBIN_UNIT, value)

    def sort(self) -> tuple[int, bool]:
        """The case list's sort column and whether it is descending."""
        try:
            column = int(self._store.value(_SORT_COLUMN, 0))
        except (TypeError, ValueError):
            column = 0
        return column, _as_bool(self._store.value(_SORT_DESCENDING), False)

    def set_sort(self, column: int, descending: bool) -> None:
        self._store.setValue(_SORT_COLUMN, int(column))
        self._store.setValue(_SORT_DESCENDING, bool(descending))

    # Report -----------------------------------------------------------------------------

    def page_size(self) -> str:
        value = str(self._store.value(_PAGE_SIZE, "A4"))
        return value if value in PAGE_SIZES else "A4"

    def set_page_size(self, value: str) -> None:
        if value not in PAGE_SIZES:
            raise ValueError(f"unknown page size {value!r}")
        self._store.setValue(_PAGE_SIZE, value)

    def report_deidentified(self) -> bool:
        # De-identified by default: a PDF leaves the application more easily than a window.
        return _as_bool(self._store.value(_DEIDENTIFIED), True)

    def set_report_deidentified(self, value: bool) -> None:
        self._store.setValue(_DEIDENTIFIED, bool(value))
