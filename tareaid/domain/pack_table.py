"""Reading one TOML table of the evidence pack: typed fields, errors that name the path.

The evidence pack's loader is deliberately strict, because a typo in the pack would
otherwise put a wrong number in front of a tumour board without anyone noticing. This
module holds the reader it is built on: :class:`PackTable` gives typed access to a table's
fields, remembers which were read so that an unknown (usually misspelt) key is refused,
and raises :class:`EvidencePackError` naming the file and the field path
(``figures[3].hr``).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import cast

from tareaid.errors import BadInputError

KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class EvidencePackError(BadInputError):
    """The evidence pack cannot be read or breaks its schema: bad input, like a case file.

    The message names the file and the offending field path, e.g.
    ``evidence_pack.toml: figures[3].hr: expected a number, got a string``.
    """

    def __init__(
        self, message: str, *, source: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.source = source
        self.field = field


class PackTable:
    """One TOML table being read: typed access by field name, errors that name the path.

    Every field read is remembered so that :meth:`finish` can reject keys nobody read: an
    unknown key is almost always a misspelt optional field whose value would be lost.
    """

    def __init__(self, data: object, source: str, path: str) -> None:
        self.source = source
        self.path = path
        if not isinstance(data, dict):
            raise self.error(None, f"expected a table, got {type_name(data)}")
        self.data: dict[str, object] = data
        self._read: set[str] = set()

    def field_path(self, name: str | None) -> str:
        if name is None:
            return self.path or "(top level)"
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str | None, problem: str) -> EvidencePackError:
        field = self.field_path(name)
        return EvidencePackError(
            f"{self.source}: {field}: {problem}", source=self.source, field=field
        )

    def _get(
        self, name: str, expected: str, accept: Callable[[object], bool], required: bool
    ) -> object | None:
        self._read.add(name)
        if name not in self.data:
            if required:
                raise self.error(name, f"missing required field (expected {expected})")
            return None
        value = self.data[name]
        if not accept(value):
            raise self.error(name, f"expected {expected}, got {type_name(value)}")
        return value

    # Typed readers. ``opt_*`` return None for an absent field; present fields must be valid.

    def text(self, name: str) -> str:
        return str(self._get(name, "a non-empty string", _is_text, True))

    def opt_text(self, name: str) -> str | None:
        value = self._get(name, "a non-empty string", _is_text, False)
        return None if value is None else str(value)

    def integer(self, name: str) -> int:
        return cast(int, self._get(name, "an integer", _is_int, True))

    def opt_integer(self, name: str) -> int | None:
        return cast(int | None, self._get(name, "an integer", _is_int, False))

    def opt_number(self, name: str) -> float | None:
        value = self._get(name, "a number", _is_number, False)
        return None if value is None else float(cast(int | float, value))

    def boolean(self, name: str) -> bool:
        return bool(self._get(name, "true or false", _is_bool, True))

    def opt_boolean(self, name: str) -> bool | None:
        value = self._get(name, "true or false", _is_bool, False)
        return None if value is None else bool(value)

    def date(self, name: str) -> datetime.date:
        return cast(datetime.date, self._get(name, "a date (YYYY-MM-DD)", _is_date, True))

    def texts(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(name, "a list of non-empty strings", _is_text_list, required)
        return () if value is None else tuple(cast(list[str], value))

    def opt_date(self, name: str) -> datetime.date | None:
        return cast(datetime.date | None, self._get(name, "a date (YYYY-MM-DD)", _is_date, False))

    def mapping(self, name: str) -> dict[str, object]:
        """A table's raw contents (for a table whose keys the caller checks itself)."""
        return cast(dict[str, object], self._get(name, "a table", _is_dict, True))

    def table(self, name: str) -> PackTable:
        value = self._get(name, "a table", _is_dict, True)
        return PackTable(value, self.source, self.field_path(name))

    def tables(self, name: str, *, required: bool = True) -> list[PackTable]:
        """An array of tables (``[[name]]`` or a list of inline tables)."""
        value = cast(list[object], self._get(name, "a list of tables", _is_list, required) or [])
        return [
            PackTable(item, self.source, f"{self.field_path(name)}[{index}]")
            for index, item in enumerate(value)
        ]

    def keyed_tables(self, name: str) -> dict[str, PackTable]:
        """A table of tables (``[name.<key>]``), keyed by the sub-table names."""
        parent = self.table(name)
        result: dict[str, PackTable] = {}
        for key, value in parent.data.items():
            if not KEY_RE.match(key):
                raise parent.error(key, "key must be lower-case letters, digits and underscores")
            result[key] = PackTable(value, self.source, parent.field_path(key))
        return result

    def finish(self) -> None:
        unknown = [key for key in self.data if key not in self._read]
        if unknown:
            raise self.error(unknown[0], "unknown field (misspelt, or not part of the schema)")


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string" if value.strip() else "an empty string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number" if math.isfinite(value) else f"the non-finite number {value}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.datetime | datetime.time):
        return "a date-time" if isinstance(value, datetime.datetime) else "a time"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def _is_list(value: object) -> bool:
    return isinstance(value, list)


def _is_int(value: object) -> bool:
    # bool is a subclass of int in Python; `patients = true` must not read as 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    # TOML allows nan and inf; neither is a figure anyone published.
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(cast(float, value))


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_date(value: object) -> bool:
    # datetime is a subclass of date; a review date with a time of day is a different thing.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)
