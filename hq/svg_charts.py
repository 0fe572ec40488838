"""Charts drawn on the server as inline SVG: horizontal bars, stacked bars and a weekly
timeline. No script, no external file: the markup goes into the page (the CSP's img-src
does not apply to inline SVG), and only presentation attributes and classes are used (the
CSP allows no inline style), styled by hq/static/overview.css.

Every text is XML-escaped here (`markupsafe.escape`); each chart has a <title>,
role="img" and an aria-label, and its page puts a table of the same figures beside it for
screen readers and paper. Meaning never rests on colour alone: the three series differ
by fill (solid dark, hatched, outlined white) or by line dash and marker shape, and every
bar carries its number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

BAR_HEIGHT = 18
ROW_GAP = 6
LABEL_WIDTH = 190
BAR_AREA = 300
VALUE_GAP = 6
VALUE_WIDTH = 70
LABEL_CHARS = 30
PAD = 6


def clip(text: str, limit: int = LABEL_CHARS) -> str:
    """A label short enough for the chart (the table beside it has it whole)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _number(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _open(chart_id: str, kind: str, title: str, width: float, height: float) -> Markup:
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" id="{id}" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{title}" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{id}-title">{title}</title>').format(
            kind=kind, id=chart_id, w=_number(width), h=_number(height), title=title)


def _hatch(chart_id: str) -> Markup:
    return Markup(
        '<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>'
    ).format(id=chart_id)


def bar_chart(*, chart_id: str, title: str, rows: Sequence[tuple[str, str, int]]) -> Markup:
    """Horizontal bars, one per (key, label, count), longest = the largest count; each
    bar is `<rect class="bar" data-key data-value>` with its count written after it."""
    top = max((count for _key, _label, count in rows), default=0)
    scale = BAR_AREA / top if top else 0.0
    height = PAD * 2 + max(len(rows), 1) * (BAR_HEIGHT + ROW_GAP)
    width = LABEL_WIDTH + BAR_AREA + VALUE_GAP + VALUE_WIDTH
    parts = [_open(chart_id, "bars", title, width, height)]
    for index, (key, label, count) in enumerate(rows):
        y = PAD + index * (BAR_HEIGHT + ROW_GAP)
        length = count * scale
        middle = y + BAR_HEIGHT / 2
        parts.append(Markup(
            '<g class="row"><title>{label}: {count}</title>'
            '<text class="label" x="{lx}" y="{ty}" text-anchor="end" '
            'dominant-baseline="middle">{short}</text>'
            '<rect class="bar" x="{x}" y="{y}" width="{w}" height="{h}" data-key="{key}" '
            'data-value="{count}"/>'
            '<text class="value" x="{vx}" y="{ty}" dominant-baseline="middle">{count}</text>'
            '</g>').format(
                label=label, short=clip(label), count=f"{count:,}", key=key,
                lx=_number(LABEL_WIDTH - VALUE_GAP), ty=_number(middle), x=LABEL_WIDTH,
                y=_number(y), w=_number(length), h=BAR_HEIGHT,
                vx=_number(LABEL_WIDTH + length + VALUE_GAP)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


@dataclass(frozen=True)
class Stack:
    """One stacked bar: requested, of which tasked, of which completed."""

    key: str
    label: str
    requested: int
    tasked: int
    completed: int


SEGMENTS = ("completed", "tasked", "requested")  # left to right


def segments(stack: Stack) -> dict[str, int]:
    """The lengths of a stack's parts: completed; tasked, not (yet) completed; requested,
    not tasked. They add up to the requests requested."""
    completed = min(stack.completed, stack.requested)
    tasked = max(min(stack.tasked, stack.requested) - completed, 0)
    return {"completed": completed, "tasked": tasked,
            "requested": max(stack.requested - completed - tasked, 0)}


def stacked_chart(*, chart_id: str, title: str, stacks: Sequence[Stack],
                  legend: dict[str, str]) -> Markup:
    """Horizontal stacked bars (completed | tasked | requested only), one per stack, with
    a legend naming each fill (`legend`: segment -> its label)."""
    top = max((s.requested for s in stacks), default=0)
    scale = BAR_AREA / top if top else 0.0
    legend_height = 26
    height = legend_height + PAD * 2 + max(len(stacks), 1) * (BAR_HEIGHT + ROW_GAP)
    width = LABEL_WIDTH + BAR_AREA + VALUE_GAP + VALUE_WIDTH
    parts = [_open(chart_id, "stacked", title, width, height), _hatch(chart_id)]
    x = 0.0
    for name in SEGMENTS:
        parts.append(Markup(
            '<g class="legend"><rect class="seg seg-{name}" x="{x}" y="4" width="14" '
            'height="14"{fill}/><text x="{tx}" y="11" dominant-baseline="middle">{label}</text>'
            '</g>').format(name=name, x=_number(x), tx=_number(x + 19), label=legend[name],
                           fill=_fill(chart_id, name)))
        x += 26 + 7.2 * len(legend[name])
    for index, stack in enumerate(stacks):
        y = legend_height + PAD + index * (BAR_HEIGHT + ROW_GAP)
        middle = y + BAR_HEIGHT / 2
        parts.append(Markup(
            '<g class="row" data-key="{key}"><title>{label}: {summary}</title>'
            '<text class="label" x="{lx}" y="{ty}" text-anchor="end" '
            'dominant-baseline="middle">{short}</text>').format(
                key=stack.key, label=stack.label, short=clip(stack.label),
                lx=_number(LABEL_WIDTH - VALUE_GAP), ty=_number(middle),
                summary=", ".join(f"{legend[n]} {v:,}" for n, v in (
                    ("requested", stack.requested), ("tasked", stack.tasked),
                    ("completed", stack.completed)))))
        left = float(LABEL_WIDTH)
        for name, value in segments(stack).items():
            if value:
                parts.append(Markup(
                    '<rect class="seg seg-{name}" x="{x}" y="{y}" width="{w}" height="{h}" '
                    'data-part="{name}" data-value="{value}"{fill}/>').format(
                        name=name, x=_number(left), y=_number(y), w=_number(value * scale),
                        h=BAR_HEIGHT, value=value, fill=_fill(chart_id, name)))
                left += value * scale
        parts.append(Markup(
            '<text class="value" x="{vx}" y="{ty}" dominant-baseline="middle">{n}</text>'
            '</g>').format(vx=_number(left + VALUE_GAP), ty=_number(middle),
                           n=f"{stack.requested:,}"))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _fill(chart_id: str, name: str) -> Markup:
    if name == "tasked":
        return Markup(' fill="url(#{id}-hatch)"').format(id=chart_id)
    return Markup("")


@dataclass(frozen=True)
class Series:
    """One line of the timeline: a name (its CSS class), its label, a value per point."""

    name: str
    label: str
    values: Sequence[int]


MARKERS = ("circle", "square", "triangle")
PLOT_LEFT, PLOT_TOP, PLOT_WIDTH, PLOT_HEIGHT = 46, 34, 1100, 220


def _ticks(top: int) -> list[int]:
    """Four or five round steps from 0 to at least `top`."""
    if top <= 4:
        return list(range(0, max(top, 1) + 1))
    step = 1
    while top / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 5:
                break
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


def _marker(shape: str, x: float, y: float, name: str, value: int) -> Markup:
    data = Markup(' class="point {name}" data-value="{v}"').format(name=name, v=value)
    if shape == "circle":
        return Markup('<circle cx="{x}" cy="{y}" r="3.2"{d}/>').format(
            x=_number(x), y=_number(y), d=data)
    if shape == "square":
        return Markup('<rect x="{x}" y="{y}" width="6" height="6"{d}/>').format(
            x=_number(x - 3), y=_number(y - 3), d=data)
    return Markup('<polygon points="{a} {b} {c}"{d}/>').format(
        a=f"{_number(x)},{_number(y - 4)}", b=f"{_number(x - 4)},{_number(y + 3)}",
        c=f"{_number(x + 4)},{_number(y + 3)}", d=data)


def line_chart(*, chart_id: str, title: str, labels: Sequence[str],
               series: Sequence[Series], every: int = 0) -> Markup:
    """A line per series over the same points (weeks), with a marker of its own shape at
    each point, a legend, a y axis of round numbers and every `every`-th x label."""
    points = len(labels)
    top = max((max(s.values, default=0) for s in series), default=0)
    ticks = _ticks(top)
    scale = PLOT_HEIGHT / ticks[-1] if ticks[-1] else 0.0
    step = PLOT_WIDTH / max(points - 1, 1)
    every = every or max(1, -(-points // 10))
    width, height = PLOT_LEFT + PLOT_WIDTH + 20, PLOT_TOP + PLOT_HEIGHT + 30
    parts = [_open(chart_id, "timeline", title, width, height)]
    x = float(PLOT_LEFT)
    for index, line in enumerate(series):
        shape = MARKERS[index % len(MARKERS)]
        parts.append(Markup(
            '<g class="legend"><line class="line {name}" x1="{x}" y1="12" x2="{x2}" y2="12"/>'
            '{marker}<text x="{tx}" y="12" dominant-baseline="middle">{label}</text></g>'
        ).format(name=line.name, x=_number(x), x2=_number(x + 24),
                 marker=_marker(shape, x + 12, 12, line.name, 0), tx=_number(x + 30),
                 label=line.label))
        x += 44 + 7.2 * len(line.label)
    for tick in ticks:
        y = PLOT_TOP + PLOT_HEIGHT - tick * scale
        parts.append(Markup(
            '<line class="grid" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>'
            '<text class="tick" x="{tx}" y="{y}" text-anchor="end" '
            'dominant-baseline="middle">{n}</text>').format(
                x1=PLOT_LEFT, x2=PLOT_LEFT + PLOT_WIDTH, y=_number(y),
                tx=PLOT_LEFT - 6, n=f"{tick:,}"))
    shown = set(range(0, points, every))
    if points and (points - 1) - max(shown) >= max(2, every * 0.6):
        shown.add(points - 1)  # the last week too, unless its label would touch another
    for index, label in enumerate(labels):
        if index in shown:
            parts.append(Markup(
                '<text class="tick" x="{x}" y="{y}" text-anchor="middle">{label}</text>')
                .format(x=_number(PLOT_LEFT + index * step), y=PLOT_TOP + PLOT_HEIGHT + 18,
                        label=label))
    for index, line in enumerate(series):
        shape = MARKERS[index % len(MARKERS)]
        coords = [(PLOT_LEFT + i * step, PLOT_TOP + PLOT_HEIGHT - v * scale)
                  for i, v in enumerate(line.values)]
        parts.append(Markup('<g class="series" data-series="{name}"><title>{label}</title>'
                            '<polyline class="line {name}" points="{points}"/>').format(
            name=line.name, label=line.label,
            points=" ".join(f"{_number(px)},{_number(py)}" for px, py in coords)))
        for (px, py), value in zip(coords, line.values, strict=True):
            parts.append(_marker(shape, px, py, line.name, value))
        parts.append(Markup("</g>"))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

