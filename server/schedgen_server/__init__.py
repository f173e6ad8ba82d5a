"""The schedgen server: upload a UP timetable PDF, poll its job, get its rows or an .ics."""
