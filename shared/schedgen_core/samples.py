"""Small invented timetables in the UP's style, for people without a real PDF and for tests.

The module codes, venues and dates are made up but shaped like the real ones: "COS 132", groups
"G01" (English) and "G50" (Afrikaans), practicals split over several labs, the three campuses,
a venue long enough to wrap, a practical test whose name wraps, an exam held by the department.
"""

from __future__ import annotations

import random

from schedgen_core.model import ExamRow, Kind, LectureRow, SemesterTestRow, Timetable
from schedgen_core.pdf.writer import (
    FIRST_TABLE_TOP,
    LECTURE_STYLE,
    MARGIN,
    PAGE_BOTTOM,
    RULE,
)


def _lecture(
    module: str,
    group: str,
    lang: str,
    sessions: list[tuple[str, str, str, str, str]],
    campus: str = "HATFIELD",
    offered: str = "S1",
) -> list[LectureRow]:
    return [
        LectureRow(module, offered, group, lang, activity, day, start, end, venue, campus)
        for activity, day, start, end, venue in sessions
    ]


def sample_lectures() -> Timetable:
    """A first-year weekly timetable: lectures, an Afrikaans group, practicals, tutorials."""
    rows = [
        *_lecture(
            "COS 132",
            "G01",
            "E",
            [
                ("L1", "Monday", "08:30", "09:20", "IT 4-4"),
                ("L2", "Wednesday", "10:30", "11:20", "Thuto 1-6"),
                ("L3", "Friday", "07:30", "08:20", "IT 4-4"),
            ],
        ),
        *_lecture(
            "COS 132",
            "G50",
            "A",
            [
                ("L1", "Monday", "11:30", "12:20", "Thuto 1-6"),
                ("L2", "Thursday", "09:30", "10:20", "IT 2-27"),
            ],
        ),
        *_lecture(
            "COS 132",
            "P01",
            "E",
            [
                ("P1", "Tuesday", "14:30", "17:20", "Informatorium Blue Lab 1"),
                ("P1", "Tuesday", "14:30", "17:20", "Informatorium Blue Lab 2"),
            ],
        ),
        *_lecture(
            "WTW 114",
            "G01",
            "E",
            [
                ("L1", "Monday", "10:30", "11:20", "Centenary 6"),
                ("L2", "Tuesday", "08:30", "09:20", "Centenary 6"),
                ("L3", "Thursday", "12:30", "13:20", "EMS 4-152"),
                ("L4", "Friday", "10:30", "11:20", "Centenary 6"),
            ],
        ),
        *_lecture("WTW 114", "T01", "E", [("T1", "Thursday", "15:30", "16:50", "HB 4-1")]),
        *_lecture(
            "BVS 120",
            "G01",
            "E",
            [
                (
                    "L1",
                    "Wednesday",
                    "13:30",
                    "14:20",
                    "Onderstepoort Arnold Theiler Lecture Hall 2",
                ),
            ],
            campus="ONDERSTEPOORT",
        ),
        *_lecture(
            "OPV 110",
            "G50",
            "A",
            [("L1", "Friday", "12:30", "13:20", "Groenkloof Aula")],
            campus="GROENKLOOF",
        ),
    ]
    return Timetable("sample-lectures.pdf", Kind.LECTURE, tuple(rows))


def sample_tests() -> Timetable:
    """A semester-test schedule: several venues per sitting, a practical test, a Saturday."""
    rows = (
        SemesterTestRow(
            "COS 132",
            "Test1",
            "Saturday",
            "2026-03-21",
            "10:00",
            "11:30",
            "HATFIELD",
            ("Informatorium Blue Lab 1", "Informatorium Blue Lab 2", "IT 4-4"),
        ),
        SemesterTestRow(
            "WTW 114", "Test1", "Monday", "2026-03-23", "12:30", "14:00", "HATFIELD", ("Thuto 1-6",)
        ),
        SemesterTestRow(
            "COS 132",
            "PTest 1",
            "Wednesday",
            "2026-04-15",
            "15:00",
            "17:00",
            "HATFIELD",
            ("IT Open Gold Lab", "IT Open Silver Lab", "Informatorium CBT Lab 1"),
        ),
        SemesterTestRow(
            "OPV 110",
            "Test2",
            "Saturday",
            "2026-05-09",
            "07:30",
            "09:00",
            "GROENKLOOF",
            ("Groenkloof Aula", "Groenkloof Lecture Hall 3"),
        ),
    )
    return Timetable("sample-tests.pdf", Kind.TEST, rows)


def sample_exams() -> Timetable:
    """An exam schedule, including an exam the department arranges itself (no exam campus)."""
    rows = (
        ExamRow(
            "FINAL",
            "COS 132",
            "1",
            "Exam Written",
            "2026-06-05",
            "07:30",
            "HATF",
            "HATFIELD",
            "IT Building CBT Labs 1,2,3",
            "",
        ),
        ExamRow(
            "FINAL",
            "WTW 114",
            "1",
            "Exam Written",
            "2026-06-09",
            "11:15",
            "HATF",
            "HATFIELD",
            "Thuto 1-6",
            "",
        ),
        ExamRow(
            "FINAL",
            "BVS 120",
            "1",
            "Exam Written",
            "2026-06-11",
            "15:00",
            "ONDR",
            "",
            "Consult Department",
            "",
        ),
        ExamRow(
            "FINAL",
            "OPV 110",
            "2",
            "Exam Oral",
            "2026-06-16",
            "08:00",
            "GRNK",
            "GROENKLOOF",
            "Groenkloof Aula",
            "",
        ),
    )
    return Timetable("sample-exams.pdf", Kind.EXAM, rows)


SAMPLES = {Kind.LECTURE: sample_lectures, Kind.TEST: sample_tests, Kind.EXAM: sample_exams}


def sample_timetable(kind: Kind) -> Timetable:
    """The small sample timetable of ``kind``."""
    return SAMPLES[kind]()


_PREFIXES = ("COS", "WTW", "STK", "INF", "PHY", "CMY", "BME", "EKN", "FRK", "OPV", "BVS", "MGB")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_ROOMS = (
    "IT 4-4",
    "IT 2-27",
    "Thuto 1-6",
    "Thuto 3-1",
    "Centenary 6",
    "EMS 4-152",
    "HB 4-1",
    "Louw hall",
    "Informatorium Blue Lab 1",
    "Informatorium Blue Lab 2",
    "Informatorium Grey Lab",
)


def many_page_lectures(pages: int) -> Timetable:
    """A lecture timetable that fills ``pages`` pages (the last one partly).

    The same every time for one value of ``pages``. Blocks are added while their heights, as the
    writer lays them out, still fit the pages with a line to spare on each for page-end splits.
    """
    if pages < 1:
        raise ValueError("pages must be at least 1")
    style = LECTURE_STYLE
    first_page = PAGE_BOTTOM - RULE - (FIRST_TABLE_TOP + RULE + style.header_height)
    other_page = PAGE_BOTTOM - RULE - MARGIN
    room = first_page + (pages - 1) * (other_page - style.pitch)
    rng = random.Random(pages)
    rows: list[LectureRow] = []
    number = 100
    while True:
        number += 1
        module = f"{_PREFIXES[number % len(_PREFIXES)]} {number}"
        offered = rng.choice(("S1", "S2", "Y"))
        for group, lang, letter, count in (
            ("G01", "E", "L", rng.randint(2, 4)),
            ("G50", "A", "L", rng.randint(1, 3)),
            ("P01", "E", "P", rng.randint(1, 3)),
            ("T01", "E", "T", 1),
        ):
            height = max(count * style.pitch, style.min_block_height) + RULE
            if height > room and rows:
                return Timetable(f"lectures-{pages}-pages.pdf", Kind.LECTURE, tuple(rows))
            room -= height
            for index in range(count):
                hour = rng.randint(7, 16)
                length = 1 if letter == "L" else rng.randint(2, 3)
                rows.append(
                    LectureRow(
                        module,
                        offered,
                        group,
                        lang,
                        f"{letter}{index + 1 if letter == 'L' else 1}",
                        _DAYS[rng.randrange(len(_DAYS))],
                        f"{hour:02d}:30",
                        f"{hour + length:02d}:20",
                        rng.choice(_ROOMS),
                        "HATFIELD",
                    )
                )
