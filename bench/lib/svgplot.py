"""svgplot: the two kinds of chart the benchmark pages need, written as SVG
text directly (no plotting library, so `make bench` needs nothing beyond
Python's standard library).

  line_chart(...)  iteration time against iteration number, one line per
                   engine: the warm-up curves (bench/warmup.py)
  bar_chart(...)   one horizontal group of bars per benchmark, one bar per
                   engine: peak memory, time ratios (bench/run.py)

Both take an explicit list of series, each (name, colour, values), and
return the whole document as a string. Axes carry units in their labels;
ticks fall on 1, 2, 2.5 or 5 times a power of ten.
"""

import math

FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'

# Fixed colours so an engine looks the same in every picture.
ENGINE_COLOURS = {
    "lua5.4": "#1f5fa8",
    "luajit": "#2e9a3a",
    "C hello world": "#777777",
}
# Crescent's modes (and AOT builds later) take these in order.
CRESCENT_COLOURS = ["#d6402b", "#f08a1c", "#9b4fc4", "#b8860b", "#e05aa0", "#17a2b8"]


def colour_for(name, crescent_names):
    if name in ENGINE_COLOURS:
        return ENGINE_COLOURS[name]
    if name in crescent_names:
        return CRESCENT_COLOURS[crescent_names.index(name) % len(CRESCENT_COLOURS)]
    return "#444444"


def escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def nice_ticks(low, high, target=6):
    """Tick values covering [low, high] at a round step."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        step = m * magnitude
        if step >= raw:
            break
    first = math.floor(low / step) * step
    ticks = []
    k = 0
    while True:
        t = first + k * step
        if t > high + step * 1e-9:
            break
        if t >= low - step * 1e-9:
            ticks.append(round(t, 12))
        k += 1
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 12))
    return ticks


def tick_label(v):
    if v == int(v) and abs(v) < 1e9:
        return "%d" % v
    return ("%.3f" % v).rstrip("0").rstrip(".")


class Canvas:
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.parts = []

    def add(self, s):
        self.parts.append(s)

    def text(self, x, y, s, size=12, anchor="start", weight="normal", fill="#222",
             rotate=None, baseline=None):
        extra = ""
        if rotate is not None:
            extra += ' transform="rotate(%d %.1f %.1f)"' % (rotate, x, y)
        if baseline:
            extra += ' dominant-baseline="%s"' % baseline
        self.add('<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" font-weight="%s" '
                 'fill="%s"%s>%s</text>' % (x, y, size, anchor, weight, fill, extra, escape(s)))

    def line(self, x1, y1, x2, y2, stroke="#999", width=1, dash=None):
        d = ' stroke-dasharray="%s"' % dash if dash else ""
        self.add('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%g"%s/>'
                 % (x1, y1, x2, y2, stroke, width, d))

    def rect(self, x, y, w, h, fill, stroke="none", title=None):
        t = "<title>%s</title>" % escape(title) if title else ""
        self.add('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="%s">'
                 '%s</rect>'
                 % (x, y, max(w, 0), max(h, 0), fill, stroke, t))

    def document(self):
        head = ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                'viewBox="0 0 %d %d" %s>\n<rect width="100%%" height="100%%" fill="white"/>\n'
                % (self.width, self.height, self.width, self.height, FONT))
        return head + "\n".join(self.parts) + "\n</svg>\n"


def line_chart(title, subtitle, x_label, y_label, series, reference=None, width=800,
               height=400):
    """series: [(label, colour, [(x, y), ...])]; a series with no points (a
    failed or skipped engine, the label says which) is only listed in the
    legend, greyed. reference: a y value drawn dashed."""
    legend_w = 250
    left, right, top, bottom = 70, 20 + legend_w, 56, 52
    c = Canvas(width, height)
    c.text(left, 22, title, size=15, weight="bold")
    if subtitle:
        c.text(left, 40, subtitle, size=11, fill="#555")
    xs = [x for _, _, pts in series for x, _ in pts or ()]
    ys = [y for _, _, pts in series for _, y in pts or ()]
    if reference is not None:
        ys.append(reference)
    x_lo, x_hi = (min(xs), max(xs)) if xs else (1, 2)
    if x_hi == x_lo:
        x_hi = x_lo + 1
    y_hi = max(ys) if ys else 1.0
    y_ticks = nice_ticks(0.0, y_hi * 1.02 if y_hi > 0 else 1.0)
    y_top = y_ticks[-1]
    x_ticks = [t for t in nice_ticks(x_lo, x_hi, target=8) if x_lo <= t <= x_hi and t == int(t)]
    pw, ph = width - left - right, height - top - bottom

    def px(x):
        return left + (x - x_lo) / (x_hi - x_lo) * pw

    def py(y):
        return top + ph - y / y_top * ph

    for t in y_ticks:
        c.line(left, py(t), left + pw, py(t), stroke="#e4e4e4")
        c.text(left - 6, py(t) + 4, tick_label(t), size=11, anchor="end")
    for t in x_ticks:
        c.line(px(t), top + ph, px(t), top + ph + 4, stroke="#666")
        c.text(px(t), top + ph + 17, tick_label(t), size=11, anchor="middle")
    c.line(left, top, left, top + ph, stroke="#666")
    c.line(left, top + ph, left + pw, top + ph, stroke="#666")
    c.text(left + pw / 2, height - 12, x_label, size=12, anchor="middle")
    c.text(16, top + ph / 2, y_label, size=12, anchor="middle", rotate=-90)
    if reference is not None:
        c.line(left, py(reference), left + pw, py(reference), stroke="#333", dash="5,4")
    for name, colour, pts in series:
        if not pts:
            continue
        path = " ".join("%.1f,%.1f" % (px(x), py(y)) for x, y in pts)
        c.add('<polyline points="%s" fill="none" stroke="%s" stroke-width="2" '
              'stroke-linejoin="round"/>' % (path, colour))
        if len(pts) <= 60:
            for x, y in pts:
                c.add('<circle cx="%.1f" cy="%.1f" r="2.6" fill="%s"><title>%s: %s</title></circle>'
                      % (px(x), py(y), colour, escape(name), tick_label(round(y, 3))))
    lx, ly = width - legend_w + 4, top + 4
    for name, colour, pts in series:
        if pts:
            c.rect(lx, ly - 9, 18, 4, colour)
            c.text(lx + 24, ly - 3, name, size=12)
        else:
            c.rect(lx, ly - 9, 18, 4, "#cccccc")
            c.text(lx + 24, ly - 3, name, size=11, fill="#888")
        ly += 20
    return c.document()


def bar_chart(title, subtitle, x_label, groups, series, log_scale=False, reference=None,
              value_format="%.1f", width=760):
    """groups: category labels (one per benchmark); series: [(name, colour,
    [value or None per group])]. Horizontal bars, grouped per category; a
    missing value leaves a gap labelled '-'. log_scale draws ratios."""
    bar_h, gap = 7, 8
    group_h = bar_h * max(len(series), 1) + gap
    left, right, top = 110, 60, 58
    legend_h = 22
    height = top + legend_h + group_h * len(groups) + 48
    c = Canvas(width, height)
    c.text(12, 22, title, size=15, weight="bold")
    if subtitle:
        c.text(12, 40, subtitle, size=11, fill="#555")
    lx = left
    for name, colour, _ in series:
        c.rect(lx, top - 8, 12, 10, colour)
        c.text(lx + 16, top + 1, name, size=12)
        lx += 24 + 7.5 * len(name)
    top += legend_h
    values = [v for _, _, vs in series for v in vs if v is not None and v > 0]
    pw = width - left - right
    ph = group_h * len(groups)
    if log_scale:
        lo = min(values + [reference or 1.0]) if values else 0.1
        hi = max(values + [reference or 1.0]) if values else 10
        lo_exp, hi_exp = math.floor(math.log10(lo) * 2) / 2, math.ceil(math.log10(hi) * 2) / 2
        if hi_exp <= lo_exp:
            hi_exp = lo_exp + 0.5
        ticks = []
        e = math.floor(lo_exp)
        while e <= hi_exp:
            for m in (1, 2, 5):
                t = m * 10 ** e
                if lo_exp <= math.log10(t) <= hi_exp:
                    ticks.append(t)
            e += 1

        def px(v):
            return left + (math.log10(v) - lo_exp) / (hi_exp - lo_exp) * pw
        # Bars grow from the reference (a ratio of 1) to the left or right.
        base = px(reference) if reference is not None else left
    else:
        ticks = nice_ticks(0.0, max(values) if values else 1.0)

        def px(v):
            return left + v / ticks[-1] * pw
        base = left
    for t in ticks:
        c.line(px(t), top, px(t), top + ph, stroke="#e4e4e4")
        c.text(px(t), top + ph + 16, tick_label(t) if t >= 0.01 else "%g" % t, size=11,
               anchor="middle")
    if reference is not None:
        c.line(px(reference), top - 4, px(reference), top + ph, stroke="#333", dash="5,4")
    for gi, label in enumerate(groups):
        y0 = top + gi * group_h + gap / 2
        c.text(left - 8, y0 + bar_h * len(series) / 2 + 4, label, size=11, anchor="end")
        for si, (name, colour, vs) in enumerate(series):
            v = vs[gi]
            y = y0 + si * bar_h
            if v is None or v <= 0:
                c.text(base + 3, y + bar_h - 0.5, "- (no result)", size=7, fill="#888")
                continue
            x1 = px(v)
            c.rect(min(base, x1), y, abs(x1 - base), bar_h - 1, colour,
                   title="%s, %s: %s" % (label, name, value_format % v))
            if x1 >= base:
                c.text(x1 + 3, y + bar_h - 0.5, value_format % v, size=7, fill="#444")
            else:
                c.text(x1 - 3, y + bar_h - 0.5, value_format % v, size=7, fill="#444",
                       anchor="end")
    c.line(left, top, left, top + ph, stroke="#666")
    c.line(left, top + ph, left + pw, top + ph, stroke="#666")
    c.text(left + pw / 2, top + ph + 36, x_label, size=12, anchor="middle")
    return c.document()
