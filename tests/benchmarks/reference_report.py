"""The report benchmark's baseline: a plain ReportLab document of the same size and kind as a
TAREaid case summary, built with nothing but ReportLab.

Two A4 pages: a title, paragraphs, a 40-row table whose header repeats on the second page, a
bar chart, "Page X of Y" footers, and DejaVu Sans embedded (regular and bold). Its build time
is what ReportLab itself costs for such a document on this machine, in this run.
"""

from __future__ import annotations

import importlib.resources
import io

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "Bench-Sans"
FONT_BOLD = "Bench-Sans-Bold"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = importlib.resources.files("tareaid.resources") / "fonts"
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        with importlib.resources.as_file(fonts / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)


class _NumberedCanvas(canvas.Canvas):
    """Draws "Page X of Y" once the page count is known (the usual two-step recipe)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _chart() -> Drawing:
    drawing = Drawing(170 * mm, 62 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 8 * mm
    chart.width, chart.height = 120 * mm, 50 * mm
    chart.data = [(10.7, 22.6, 14.3, 31.2), (10.2, 23.3, 15.0, 30.9)]
    chart.categoryAxis.categoryNames = ["PFS", "OS", "Liver PFS", "Response"]
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#1f6f8b")
    chart.bars[1].fillColor = colors.HexColor("#e07a5f")
    drawing.add(chart)
    return drawing


def build_reference_pdf() -> bytes:
    """The reference document, as PDF bytes (byte-identical across runs: invariant=1)."""
    _register_fonts()
    shapes.STATE_DEFAULTS["fontName"] = FONT
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    title = ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20)
    heading = ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=11.5)
    text = (
        "A structured summary for the tumour board: each of the six framework factors with "
        "its tier, the finding and the rule that produced it, the evidence gaps and the "
        "work-up alerts, ≥ 2 lesions, ± 95% CI, 90 µm microspheres, Ménétrier, Šimůnek. "
    ) * 2
    rows = [["Factor", "Tier", "Finding", "Rule", "Source"]]
    rows += [
        [
            f"Factor {i + 1}",
            ("favours", "neutral", "against", "unassessed")[i % 4],
            f"bilobar, {i % 7 + 2} lesions, ECOG {i % 3}",
            "derived by the framework's rule",
            f"Ref {i % 9 + 1}",
        ]
        for i in range(40)
    ]
    table = Table(rows, repeatRows=1, colWidths=[24 * mm, 22 * mm, 54 * mm, 54 * mm, 18 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7ec")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
            ]
        )
    )
    story = [
        Paragraph("Tumour board summary — reference document", title),
        Spacer(1, 4 * mm),
        Paragraph(text, body),
        Spacer(1, 3 * mm),
        Paragraph("Trial results", heading),
        _chart(),
        Paragraph("Factors", heading),
        table,
        Spacer(1, 3 * mm),
        Paragraph(text, body),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title="Reference",
        author="benchmark",
        initialFontName=FONT,
        invariant=1,
    )
    doc.build(story, canvasmaker=_NumberedCanvas)
    return out.getvalue()


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(build_reference_pdf())
