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


# --- a reference of the summary's size --------------------------------------------------------
#
# The summary grew to three full pages (~14,000 characters, ~100 paragraphs with inline bold
# and colour, ~200 short table cells, ~11 tables, a dozen small charts); the document above
# is two pages of mostly short table cells (~4,500 characters, four paragraphs). This one is
# built the same plain way, with the summary's amount and mix of content.

_WORDS = [
    "board",
    "summary",
    "factor",
    "tier",
    "finding",
    "rule",
    "source",
    "evidence",
    "trial",
    "arm",
    "median",
    "months",
    "hazard",
    "ratio",
    "interval",
    "population",
    "criterion",
    "lesion",
    "liver",
    "bilobar",
    "ablation",
    "chemotherapy",
    "second",
    "line",
    "first",
    "work-up",
    "shunt",
    "fraction",
    "bilirubin",
    "≥",
    "±",
    "µm",
    "Ménétrier",
    "Šimůnek",
]


def _text(seed: int, length: int) -> str:
    """Filler text of about `length` characters, the same for the same seed."""
    words: list[str] = []
    size = 0
    index = seed
    while size < length:
        word = _WORDS[(index * 7 + 3) % len(_WORDS)]
        words.append(word)
        size += len(word) + 1
        index += 1
    return " ".join(words)


def _bars(values: tuple[float, float]) -> Drawing:
    """A pair of small bars, as the summary draws a result's medians."""
    drawing = Drawing(26 * mm, 7 * mm)
    for row, (value, colour) in enumerate(zip(values, ("#1f6f8b", "#e07a5f"), strict=True)):
        drawing.add(
            shapes.Rect(0, row * 3.2 * mm, value * mm, 2.6 * mm, fillColor=colors.HexColor(colour))
        )
    return drawing


def build_comparable_pdf() -> bytes:
    """A plain ReportLab document of the summary's size and kind: three A4 pages."""
    _register_fonts()
    shapes.STATE_DEFAULTS["fontName"] = FONT
    body = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.5)
    title = ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19)
    heading = ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=10.5)
    grey = '<font color="#666666">'
    grid = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7ec")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    story: list = [
        Paragraph("Tumour board summary — reference of the summary's size", title),
        Paragraph(f"<b>{_text(1, 60)}</b> {_text(2, 180)}", body),
        Spacer(1, 2 * mm),
    ]
    # Page 1: the factors, the alerts, the trial populations.
    rows = [["Factor", "Tier", "Finding and rule", "Status"]]
    rows += [
        [
            f"Factor {i + 1}",
            ("favours", "neutral", "against")[i % 3],
            Paragraph(f"<b>{_text(10 + i, 40)}</b><br/>{grey}{_text(20 + i, 170)}</font>", cell),
            Paragraph(_text(30 + i, 70), cell),
        ]
        for i in range(6)
    ]
    factors = Table(rows, colWidths=[24 * mm, 18 * mm, 92 * mm, 40 * mm], repeatRows=1)
    factors.setStyle(TableStyle(grid))
    counts = Table(
        [
            ["Favours", "Neutral", "Against", "Unassessed", "Outside", "Gaps"],
            ["2", "1", "1", "2", "0", "1"],
        ],
        colWidths=[29 * mm] * 6,
    )
    counts.setStyle(TableStyle(grid))
    alerts = Table(
        [["Alert", "Severity", "Value", "Limit"]]
        + [
            [f"Alert {i + 1}", ("caution", "resolve first")[i % 2], f"{12 + i}.5", "20"]
            for i in range(5)
        ],
        colWidths=[60 * mm, 40 * mm, 37 * mm, 37 * mm],
    )
    alerts.setStyle(TableStyle(grid))
    story += [Paragraph("Factors", heading), counts, factors, alerts, Spacer(1, 2 * mm)]
    for i in range(6):
        story.append(Paragraph(f"<b>{_text(40 + i, 30)}.</b> {_text(50 + i, 160)}", body))
    populations = [["Criterion", "Trial A", "Trial B", "Trial C", "Trial D"]]
    populations += [
        [Paragraph(_text(60 + i, 45), cell), "met", "not met", "unknown", "met"] for i in range(14)
    ]
    table = Table(populations, colWidths=[74 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm])
    table.setStyle(TableStyle(grid))
    story += [Paragraph("Trial populations", heading), table]
    # Pages 2-3: the evidence, trial by trial, each result with its bars.
    for trial in range(4):
        data = [["Endpoint", "Patients", "Values", "Medians", "Effect"]]
        for row in range(6):
            n = trial * 10 + row
            data.append(
                [
                    Paragraph(
                        f"<b>{_text(100 + n, 30)}</b> {grey}{_text(200 + n, 40)}</font>", cell
                    ),
                    f"{530 + row * 11}",
                    f"{10.7 + row:.1f} vs {10.2 + row:.1f} mo",
                    _bars((10.7 + row, 10.2 + row)) if row < 3 else "",
                    Paragraph(
                        f"HR 0.{90 + row} (95% CI 0.7–1.1), P = .{40 + row} {_text(300 + n, 60)}",
                        cell,
                    ),
                ]
            )
        evidence = Table(
            data, colWidths=[50 * mm, 15 * mm, 28 * mm, 28 * mm, 53 * mm], repeatRows=1
        )
        evidence.setStyle(TableStyle(grid))
        story += [
            Paragraph(f"<b>Trial {trial + 1}</b> {_text(400 + trial, 60)}", body),
            evidence,
            Spacer(1, 2 * mm),
        ]
    story.append(Paragraph("References", heading))
    for i in range(14):
        story.append(
            Paragraph(f"[{i + 1}] {_text(500 + i, 130)} {grey}{_text(600 + i, 25)}</font>", cell)
        )
    for i in range(3):
        story.append(Paragraph(f"<b>{_text(700 + i, 25)}.</b> {_text(710 + i, 260)}", cell))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        # The summary's margins.
        leftMargin=12.5 * mm,
        rightMargin=12.5 * mm,
        topMargin=13 * mm,
        bottomMargin=17 * mm,
        title="Reference of the summary's size",
        author="benchmark",
        initialFontName=FONT,
        invariant=1,
    )
    doc.build(story, canvasmaker=_NumberedCanvas)
    return out.getvalue()


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(
        build_comparable_pdf() if "--comparable" in sys.argv else build_reference_pdf()
    )
