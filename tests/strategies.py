"""Hypothesis strategies for random valid timetables in the UP's style.

Every value is one the parser can give back exactly: no leading, trailing or double spaces,
dates ``YYYY-MM-DD``, times ``HH:MM``, a test's day name matching its date. Venues are multi-word
and some are long enough to wrap in their column; no single word is wider than its column.
"""

from __future__ import annotations

from datetime import date

import pymupdf
from hypothesis import strategies as st

from schedgen_core.model import ExamRow, Kind, LectureRow, SemesterTestRow, Timetable
from schedgen_core.pdf.writer import STYLES

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CAMPUSES = ("HATFIELD", "GROENKLOOF", "ONDERSTEPOORT", "MAMELODI", "PRINSHOF")
CAMPUS_CODES = ("HATF", "GRNK", "ONDR", "MAML", "PRIN")
BUILDINGS = (
    "IT",
    "Thuto",
    "EMS",
    "HB",
    "Centenary",
    "Eng III -",
    "Louw hall",
    "Aldoel",
    "Informatorium Blue Lab",
    "Informatorium CBT Lab",
    "IT Open Gold Lab",
    "AE du Toit Auditorium",
    "Large Chemistry Hall",
    "Groenkloof Aula",
    "Onderstepoort Arnold Theiler Lecture Hall",
    "Mamelodi Campus Building Lecture Theatre",
)
LONG_VENUES = (
    "Onderstepoort Arnold Theiler Building Lecture Hall 2",
    "Informatorium Computer Based Testing Lab 1, 2 and 3",
    "Engineering Building III Exam Hall Seats 1-250",
)
SUBJECTS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)


@st.composite
def module_codes(draw: st.DrawFn) -> str:
    """A module code like ``COS 132``."""
    return f"{draw(SUBJECTS)} {draw(st.integers(100, 799))}"


@st.composite
def venues(draw: st.DrawFn) -> str:
    """A venue: a building and a room, sometimes a long name that wraps in its column."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(LONG_VENUES))
    building = draw(st.sampled_from(BUILDINGS))
    room = draw(
        st.one_of(
            st.integers(1, 12).map(str),
            st.tuples(st.integers(1, 9), st.integers(1, 160)).map(lambda t: f"{t[0]}-{t[1]}"),
        )
    )
    return f"{building} {room}"


def fits_on_one_line(text: str, kind: Kind, column: int) -> bool:
    """Whether ``text`` fits column ``column`` of the ``kind`` layout without wrapping."""
    style = STYLES[kind]
    width = pymupdf.get_text_length(text, fontname="helv", fontsize=style.col_size(column))
    return bool(width <= style.col_width(column))


TEST_VENUE_COLUMN = 6


@st.composite
def half_hour_times(draw: st.DrawFn, first: int = 7, last: int = 18) -> str:
    """A time on the hour or half hour."""
    return f"{draw(st.integers(first, last)):02d}:{draw(st.sampled_from((0, 30))):02d}"


@st.composite
def time_ranges(draw: st.DrawFn) -> tuple[str, str]:
    """A start on the half hour and an end 50 minutes, 80 minutes or a few hours later."""
    hour = draw(st.integers(7, 17))
    minute = draw(st.sampled_from((0, 30)))
    length = draw(st.sampled_from((50, 80, 90, 120, 170)))
    end = hour * 60 + minute + length
    return f"{hour:02d}:{minute:02d}", f"{end // 60:02d}:{end % 60:02d}"


def dates() -> st.SearchStrategy[date]:
    return st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


@st.composite
def lecture_blocks(draw: st.DrawFn) -> list[LectureRow]:
    """One block: the sessions of one module group (lectures, practicals or tutorials)."""
    letter, group_letter = draw(st.sampled_from((("L", "G"), ("P", "P"), ("T", "T"))))
    afrikaans = draw(st.booleans())
    number = draw(st.integers(50, 69) if afrikaans else st.integers(1, 19))
    module = draw(module_codes())
    offered = draw(st.sampled_from(("S1", "S2", "Y", "Q1", "Q3")))
    group = f"{group_letter}{number:02d}"
    lang = "A" if afrikaans else "E"
    campus = draw(st.sampled_from(CAMPUSES))
    count = draw(st.integers(1, 6))
    rows = []
    for index in range(count):
        start, end = draw(time_ranges())
        activity = f"{letter}{index + 1 if letter == 'L' else draw(st.integers(1, 3))}"
        day = draw(st.sampled_from(DAY_NAMES[:6]))
        rows.append(
            LectureRow(
                module, offered, group, lang, activity, day, start, end, draw(venues()), campus
            )
        )
    return rows


@st.composite
def lecture_timetables(draw: st.DrawFn, max_blocks: int = 12) -> Timetable:
    blocks = draw(st.lists(lecture_blocks(), min_size=1, max_size=max_blocks))
    rows = tuple(row for block in blocks for row in block)
    return Timetable("generated-lectures.pdf", Kind.LECTURE, rows)


@st.composite
def semester_test_rows(draw: st.DrawFn, max_venues: int = 8) -> SemesterTestRow:
    day = draw(dates())
    start, end = draw(time_ranges())
    name = draw(st.sampled_from(("Test1", "Test2", "Test3", "PTest 1", "PTest 2", "Sick test")))
    return SemesterTestRow(
        module=draw(module_codes()),
        test=name,
        day=DAY_NAMES[day.weekday()],
        date=day.isoformat(),
        start=start,
        end=end,
        campus=draw(st.sampled_from(CAMPUSES)),
        # A test's venues are one per line with no rule between them, so a venue that wrapped
        # would read as two venues: the real files have none that long, nor do these.
        venues=tuple(
            draw(
                st.lists(
                    venues().filter(lambda v: fits_on_one_line(v, Kind.TEST, TEST_VENUE_COLUMN)),
                    min_size=1,
                    max_size=max_venues,
                )
            )
        ),
    )


@st.composite
def semester_test_timetables(draw: st.DrawFn, max_rows: int = 10, max_venues: int = 8) -> Timetable:
    rows = draw(st.lists(semester_test_rows(max_venues=max_venues), min_size=1, max_size=max_rows))
    return Timetable("generated-tests.pdf", Kind.TEST, tuple(rows))


@st.composite
def exam_rows(draw: st.DrawFn) -> ExamRow:
    campus_index = draw(st.integers(0, len(CAMPUSES) - 1))
    by_department = draw(st.integers(0, 5)) == 0
    start = draw(st.one_of(half_hour_times(), st.sampled_from(("07:30", "11:15", "15:00"))))
    return ExamRow(
        status=draw(st.sampled_from(("FINAL", "PROV"))),
        module=draw(module_codes()),
        paper=draw(st.sampled_from(("1", "2", "3"))),
        activity=draw(st.sampled_from(("Exam Written", "Exam Oral", "Exam Practical"))),
        date=draw(dates()).isoformat(),
        start=start,
        module_campus=CAMPUS_CODES[campus_index],
        exam_campus="" if by_department else CAMPUSES[campus_index],
        venue="Consult Department"
        if by_department
        else draw(st.one_of(venues(), st.just("IT Building CBT Labs 1,2,3"))),
        comments=draw(st.sampled_from(("", "", "", "Open book", "Bring a calculator"))),
    )


@st.composite
def exam_timetables(draw: st.DrawFn, max_rows: int = 16) -> Timetable:
    rows = draw(st.lists(exam_rows(), min_size=1, max_size=max_rows))
    return Timetable("generated-exams.pdf", Kind.EXAM, tuple(rows))


def timetables(kind: Kind) -> st.SearchStrategy[Timetable]:
    """Random valid timetables of ``kind``."""
    return {
        Kind.LECTURE: lecture_timetables(),
        Kind.TEST: semester_test_timetables(),
        Kind.EXAM: exam_timetables(),
    }[kind]
