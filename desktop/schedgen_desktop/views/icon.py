"""The app's icon, drawn at any size: a calendar page with a week of coloured classes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

SIZES = (16, 24, 32, 48, 64, 128, 256)
BLOCKS = (  # (day column, top, height, colour) on a 5 x 6 grid
    (0, 0.5, 1.5, "#0000CD"),
    (1, 2.0, 1.0, "#B22222"),
    (2, 0.5, 1.0, "#006400"),
    (2, 3.0, 2.0, "#0000CD"),
    (3, 1.5, 1.5, "#8B008B"),
    (4, 0.5, 1.0, "#B22222"),
    (4, 3.5, 1.5, "#006400"),
)


def paint_icon(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    page = QRectF(size * 0.06, size * 0.06, size * 0.88, size * 0.88)
    outline = QPainterPath()
    outline.addRoundedRect(page, size * 0.14, size * 0.14)
    painter.fillPath(outline, QColor("#FFFFFF"))
    painter.save()
    painter.setClipPath(outline)
    painter.fillRect(QRectF(page.left(), page.top(), page.width(), size * 0.24), QColor("#1F3A93"))
    painter.restore()
    grid = QRectF(
        page.left() + size * 0.07,
        page.top() + size * 0.32,
        page.width() - size * 0.14,
        page.height() - size * 0.39,
    )
    column = grid.width() / 5
    row = grid.height() / 6
    for day, top, height, colour in BLOCKS:
        block = QRectF(
            grid.left() + day * column + column * 0.1,
            grid.top() + top * row,
            column * 0.8,
            height * row,
        )
        path = QPainterPath()
        path.addRoundedRect(block, size * 0.02, size * 0.02)
        painter.fillPath(path, QColor(colour))
    painter.setPen(QColor("#1F3A93"))
    painter.drawPath(outline)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(paint_icon(size))
    return icon
