"""Every piece of text a widget tree could show or announce, for privacy checks."""

from __future__ import annotations

from collections.abc import Iterator

from tareaid.ui.qt import Qt, QtCore, QtWidgets

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)


def _model_texts(model: QtCore.QAbstractItemModel, parent: QtCore.QModelIndex) -> Iterator[str]:
    # List and table models hide some methods from Python; lists have one column and
    # neither has children.
    is_list = isinstance(model, QtCore.QAbstractListModel)
    flat = is_list or isinstance(model, QtCore.QAbstractTableModel)
    columns = 1 if is_list else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if value is not None:
                    yield str(value)
            if not flat and model.hasChildren(index):
                yield from _model_texts(model, index)


def texts(root: QtWidgets.QWidget) -> list[str]:
    """Text of the root and every descendant widget: labels, titles, names, items."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        out += [
            widget.windowTitle(),
            widget.toolTip(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ]
        for name in widget.dynamicPropertyNames():
            try:
                value = widget.property(bytes(name.data()).decode())
            except RuntimeError:  # Qt's own internal properties of types Python cannot see
                continue
            if isinstance(value, str):
                out.append(value)
        if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
            out.append(widget.text())
        if isinstance(widget, QtWidgets.QLineEdit):
            out += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QtWidgets.QTextEdit | QtWidgets.QPlainTextEdit):
            out.append(widget.toPlainText())
        if isinstance(widget, QtWidgets.QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QtWidgets.QAbstractItemView) and widget.model() is not None:
            out += list(_model_texts(widget.model(), QtCore.QModelIndex()))
    return [text for text in out if text]


def leaked(root: QtWidgets.QWidget, forms: tuple[str, ...]) -> list[tuple[str, str]]:
    """(form, text) for every identifier form found in the tree's text."""
    found = []
    for text in texts(root):
        for form in forms:
            if form.casefold() in text.casefold():
                found.append((form, text))
    return found
