"""Timeline → iCalendar: the export (:func:`.calendar.calendar_lines` is its entry point).

May import the shared modules of ``ical`` (options, findings, dates, mapping) and
``ical.rfc5545``; never ``ical.read``.
"""
