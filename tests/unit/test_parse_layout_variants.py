"""Layouts the fixtures do not show but other UP PDFs may: built here with PyMuPDF drawing calls."""

import pymupdf
import pytest

from schedgen_core.errors import UnreadableCellError
from schedgen_core.model import LectureRow
from schedgen_core.pdf import parse_pdf

LECTURE_HEADER = [
    "Module",
    "Offered",
    "Group",
    "Lang",
    "Activity",
    "Day",
    "Time",
    "Venue",
    "Campus",
]
EDGES = [30, 90, 135, 175, 210, 260, 330, 420, 560, 660]


def lecture_page(blocks, *, header=True, title="Lectures", stroked=True):
    """One page: a ruled lecture table; each block is a list of lines of cell texts."""
    document = pymupdf.open()
    page = document.new_page(width=842, height=595)
    page.insert_text((30, 50), title, fontsize=20)
    y = 70.0
    rows = [[LECTURE_HEADER]] if header else []
    rows += blocks
    rule_ys = [y]
    for block in rows:
        for line in block:
            y += 12
            for x, text in zip(EDGES, line, strict=False):
                if text:
                    page.insert_text((x + 4, y), text, fontsize=9)
        y += 6
        rule_ys.append(y)
    shape = page.new_shape()
    for ry in rule_ys:
        if stroked:
            shape.draw_line((EDGES[0], ry), (EDGES[-1], ry))
        else:
            shape.draw_rect(pymupdf.Rect(EDGES[0], ry - 0.25, EDGES[-1], ry + 0.25))
    for x in EDGES:
        if stroked:
            shape.draw_line((x, rule_ys[0]), (x, rule_ys[-1]))
        else:
            shape.draw_rect(pymupdf.Rect(x - 0.25, rule_ys[0], x + 0.25, rule_ys[-1]))
    shape.finish(color=(0, 0, 0) if stroked else None, fill=None if stroked else (0, 0, 0))
    shape.commit()
    return document.tobytes()


SESSION = ["", "", "", "", "L1", "Monday", "08:30 - 09:20", "IT 4-4", ""]


@pytest.mark.parametrize("stroked", [True, False], ids=["stroked-lines", "filled-rects"])
def test_module_centred_above_the_first_session_belongs_to_the_block(stroked):
    block = [
        ["COS 132", "S1", "G01", "E", "", "", "", "", "HATFIELD"],
        SESSION,
        ["", "", "", "", "L2", "Friday", "10:30 - 11:20", "Thuto 1-6", ""],
    ]
    rows = parse_pdf(lecture_page([block], stroked=stroked), name="x.pdf").rows
    assert rows == (
        LectureRow(
            "COS 132", "S1", "G01", "E", "L1", "Monday", "08:30", "09:20", "IT 4-4", "HATFIELD"
        ),
        LectureRow(
            "COS 132", "S1", "G01", "E", "L2", "Friday", "10:30", "11:20", "Thuto 1-6", "HATFIELD"
        ),
    )


def test_block_values_repeated_on_every_line_are_not_doubled():
    line = ["WTW 114", "S1", "G50", "A", "L1", "Dinsdag", "07:30 - 08:20", "Thuto 1-6", "HATFIELD"]
    second = [*line[:4], "L2", "Donderdag", "09:30 - 10:20", "Thuto 1-7", "HATFIELD"]
    rows = parse_pdf(lecture_page([[line, second]]), name="x.pdf").rows
    assert [(r.module, r.group, r.day, r.campus) for r in rows] == [
        ("WTW 114", "G50", "Dinsdag", "HATFIELD"),
        ("WTW 114", "G50", "Donderdag", "HATFIELD"),
    ]


def test_a_wrapped_venue_line_without_a_time_joins_its_session():
    block = [
        [
            "COS 132",
            "S1",
            "P01",
            "E",
            "P1",
            "Tuesday",
            "14:30 - 17:20",
            "Informatorium",
            "HATFIELD",
        ],
        ["", "", "", "", "", "", "", "Blue Lab 1", ""],
    ]
    (row,) = parse_pdf(lecture_page([block]), name="x.pdf").rows
    assert row.venue == "Informatorium Blue Lab 1"


def test_an_afrikaans_title_is_recognised():
    block = [["COS 132", "S1", "G50", "A", "L1", "Maandag", "08:30 - 09:20", "IT 4-4", "HATFIELD"]]
    timetable = parse_pdf(lecture_page([block], title="Lesings"), name="x.pdf")
    assert timetable.kind.value == "lecture"
    assert timetable.rows[0].day == "Maandag"


def test_an_unreadable_time_is_a_typed_error_naming_the_page():
    block = [["COS 132", "S1", "G01", "E", "L1", "Monday", "half past eight", "IT 4-4", "HATFIELD"]]
    with pytest.raises(UnreadableCellError, match="page 1: cannot read the time 'half past eight'"):
        parse_pdf(lecture_page([block]), name="x.pdf")
