"""Reading the PDFs the report tests build: text per page, streams, fonts, metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property

import pypdf
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject


def normalise(text: str) -> str:
    """Whitespace collapsed, so a phrase wrapped over two lines still matches."""
    return " ".join(text.split())


@dataclass
class Pdf:
    data: bytes

    @cached_property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(io.BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        return [normalise(page.extract_text()) for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return " ".join(self.pages)

    def page_of(self, needle: str) -> int:
        """Index of the first page whose text contains ``needle``."""
        for index, page in enumerate(self.pages):
            if needle in page:
                return index
        raise AssertionError(f"{needle!r} is on no page")

    @cached_property
    def metadata(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in (self.reader.metadata or {}).items()}

    @cached_property
    def streams(self) -> list[bytes]:
        """The decoded content of every stream object in the file (pages, fonts, metadata)."""
        out = []
        for number in range(1, self.reader.trailer["/Size"]):
            try:
                obj = self.reader.get_object(number)
            except Exception:  # free or missing object numbers
                continue
            if isinstance(obj, StreamObject):
                out.append(obj.get_data())
        return out

    @cached_property
    def fonts(self) -> dict[str, DictionaryObject]:
        """Every font used on any page, by its BaseFont name."""
        found: dict[str, DictionaryObject] = {}
        for page in self.reader.pages:
            resources = _resolve(page.get("/Resources")) or {}
            fonts = _resolve(resources.get("/Font")) or {}
            for ref in fonts.values():
                font = _resolve(ref)
                found[str(font["/BaseFont"])] = font
            # Fonts used inside form XObjects (charts) as well.
            xobjects = _resolve(resources.get("/XObject")) or {}
            for ref in xobjects.values():
                xobject = _resolve(ref)
                inner = _resolve(_resolve(xobject.get("/Resources")) or {}).get("/Font")
                for font_ref in (_resolve(inner) or {}).values():
                    font = _resolve(font_ref)
                    found[str(font["/BaseFont"])] = font
        return found


def _resolve(value: object) -> object:
    return value.get_object() if isinstance(value, IndirectObject) else value


def is_embedded(font: DictionaryObject) -> bool:
    """Whether a font program is in the file (TrueType FontFile2, or Type1/CFF FontFile/3)."""
    descriptor = _resolve(font.get("/FontDescriptor"))
    if descriptor is None and "/DescendantFonts" in font:
        descendant = _resolve(_resolve(font["/DescendantFonts"])[0])
        descriptor = _resolve(descendant.get("/FontDescriptor"))
    if descriptor is None:
        return False
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
