"""Render the application icon for every platform from its one SVG source.

    python packaging/make_icons.py [--out DIR] [--svg FILE]

Writes into DIR (default packaging/build/icons):

- ``hicolor/<N>x<N>/apps/org.tareaid.TAREaid.png`` for N in 16 32 48 64 128 256 512 and
  ``hicolor/scalable/apps/org.tareaid.TAREaid.svg`` — the freedesktop icon theme layout, copied
  as is into ``~/.local/share/icons`` or ``/usr/share/icons``;
- ``tareaid.ico`` (Windows) and ``tareaid.icns`` (macOS), when Pillow is installed.

The SVG is rendered with Qt's own SVG renderer (PySide6 is already a dependency), so no
Cairo or Inkscape is needed; Pillow only packs the PNGs into .ico/.icns and is a build-time
tool, never bundled. The output depends only on the SVG, so running this twice is harmless.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.tareaid.TAREaid"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def default_svg() -> Path:
    """The app icon: the one the desktop UI ships in resources/icons if present, else ours."""
    for candidate in (
        ROOT / "resources" / "icons" / f"{APP_ID}.svg",
        ROOT / "resources" / "icons" / "tareaid.svg",
        ROOT / "resources" / "icons" / "app.svg",
        HERE / "icons" / "tareaid.svg",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no application icon SVG found")


def _render_all(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """PNG bytes of the SVG at each size, rendered by QtSvg without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    result: dict[int, bytes] = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        result[size] = bytes(data.data())
    return result


def make_icons(out: Path, svg: Path | None = None) -> dict[str, Path]:
    """Write the icon set into ``out``; returns the paths of the .svg, .ico and .icns made."""
    svg = svg or default_svg()
    out.mkdir(parents=True, exist_ok=True)
    sizes = set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)
    pngs = _render_all(svg, sizes)
    made: dict[str, Path] = {}

    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    made["svg"] = scalable
    for size in PNG_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        made[f"png{size}"] = target

    try:
        from io import BytesIO

        from PIL import Image
    except ImportError:
        print("make_icons: Pillow not installed; skipping tareaid.ico and tareaid.icns")
        return made

    images = {size: Image.open(BytesIO(data)).convert("RGBA") for size, data in pngs.items()}
    ico = out / "tareaid.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    made["ico"] = ico
    icns = out / "tareaid.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    made["icns"] = icns
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "build" / "icons")
    parser.add_argument("--svg", type=Path, default=None)
    args = parser.parse_args(argv)
    made = make_icons(args.out, args.svg)
    print(f"make_icons: {len(made)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
