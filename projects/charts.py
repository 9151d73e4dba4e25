"""Bar charts drawn on the server: plain HTML and SVG, no JavaScript. Each chart comes with its
figures as a table (`templates/projects/includes/*chart*.html`), so screen readers and
printouts get the numbers themselves."""

from dataclasses import dataclass


@dataclass
class Bar:
    value: int
    share: float  # percentage of the longest bar, for the bar's width


def bars(rows, value):
    """Horizontal bars for `rows`, sized against the largest value."""
    largest = max((value(row) for row in rows), default=0) or 1
    return [Bar(value(row), round(100 * value(row) / largest, 1)) for row in rows]


@dataclass
class Column:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool

    @property
    def center(self):
        return self.x + self.width / 2

    @property
    def value_y(self):
        return self.y - 3


@dataclass
class ColumnChart:
    columns: list
    width: int
    height: int
    baseline: float
    gridlines: list  # [(y, value)]

    @property
    def label_y(self):
        return self.baseline + 16


def column_chart(rows, label, value, *, height=220, column_width=28, gap=8, max_labels=12):
    """Vertical columns (one per row) in an SVG coordinate space; every n-th label is shown
    so that labels never overlap, and the table beside the chart has them all."""
    top, bottom, left = 12, 28, 36
    largest = max((value(row) for row in rows), default=0) or 1
    step = max(1, -(-len(rows) // max_labels))
    plot = height - top - bottom
    columns = []
    for position, row in enumerate(rows):
        bar_height = plot * value(row) / largest
        columns.append(
            Column(
                label=str(label(row)),
                value=value(row),
                x=left + position * (column_width + gap),
                y=top + plot - bar_height,
                width=column_width,
                height=bar_height,
                show_label=position % step == 0 or position == len(rows) - 1,
            )
        )
    ticks = sorted({0, largest // 2, largest})
    gridlines = [(top + plot - plot * tick / largest, tick) for tick in ticks]
    width = left + len(rows) * (column_width + gap)
    return ColumnChart(columns, max(width, 200), height, top + plot, gridlines)
