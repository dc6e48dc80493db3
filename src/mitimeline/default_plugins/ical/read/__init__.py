"""iCalendar → timeline: the import (:func:`.importer.read_calendar` is its entry point).

May import the shared modules of ``ical`` (options, findings, dates, mapping) and
``ical.rfc5545``; never ``ical.write``.
"""
