"""Plain-text rendering of a timetable for people reading a terminal."""

from __future__ import annotations

from schedgen_core.model import Timetable, row_to_dict


def timetable_table(timetable: Timetable) -> str:
    """A fixed-width table of the timetable's rows, with a one-line summary on top."""
    noun = "row" if len(timetable.rows) == 1 else "rows"
    header = f"{timetable.source}: {timetable.kind.value} schedule, {len(timetable.rows)} {noun}\n"
    if not timetable.rows:
        return header
    records = [
        {k: ", ".join(v) if isinstance(v, list) else str(v) for k, v in row_to_dict(r).items()}
        for r in timetable.rows
    ]
    columns = list(records[0])
    widths = {c: max(len(c), *(len(rec[c]) for rec in records)) for c in columns}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip()]
    lines.append("  ".join("-" * widths[c] for c in columns))
    lines += ["  ".join(rec[c].ljust(widths[c]) for c in columns).rstrip() for rec in records]
    return header + "\n".join(lines) + "\n"
