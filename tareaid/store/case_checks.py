"""Checks the store makes before it uses or writes cases: values written behind TAREaid's
back, and references repeated or already taken (named in the refusal)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tareaid.domain.case import reference_identity
from tareaid.store.errors import InvalidStoredValueError


def refuse_invalid_values(
    where: str | None, reference: str, invalid: Mapping[str, str], doing: str
) -> None:
    """Refuse to use a case whose row holds values that are not valid (written behind
    TAREaid's back): they are evidence, never overwritten, exported or printed as "not
    recorded" (InvalidStoredValueError, exit 1, naming the case, the field and the value)."""
    if invalid:
        name, value = next(iter(invalid.items()))
        more = f" (and {len(invalid) - 1} more)" if len(invalid) > 1 else ""
        prefix = f"{where}: " if where else ""
        raise InvalidStoredValueError(
            f"{prefix}case {reference}: field '{name}' holds an invalid stored value "
            f"({value}){more}; {doing}. Run tareaid check, and restore a backup"
        )


def repeated_references(references: Sequence[str]) -> list[str]:
    """References whose identity came earlier in `references` (named with the first)."""
    seen: dict[str, str] = {}
    repeated: dict[str, None] = {}
    for reference in references:
        identity = reference_identity(reference)
        if identity in seen:
            first = seen[identity]
            repeated[reference if first == reference else f"{reference} (as {first})"] = None
        seen.setdefault(identity, reference)
    return list(repeated)


def reference_names(references: Sequence[str], shown: int = 5) -> str:
    """ "reference A is" / "references A, B and 3 more are", for a refusal."""
    head = ", ".join(references[:shown])
    more = f" and {len(references) - shown} more" if len(references) > shown else ""
    noun = "reference" if len(references) == 1 else "references"
    verb = "is" if len(references) == 1 else "are"
    return f"{noun} {head}{more} {verb}"
