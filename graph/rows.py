"""Rows -> text: an aligned table for the terminal, CSV or JSON for a file (newskg query, newskg validate)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata


def format_rows(cols: list[str], rows: list[list[str | None]], fmt: str) -> str:
    """Rows as an aligned table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows([["" if v is None else v for v in r] for r in rows])
        return buf.getvalue()

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    cells = [cols] + [["" if v is None else v.replace("\n", " ") for v in r] for r in rows]
    widths = [max(width(r[i]) for r in cells) for i in range(len(cols))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
