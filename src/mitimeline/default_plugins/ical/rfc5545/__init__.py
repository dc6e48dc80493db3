"""RFC 5545 syntax only: bytes ⇄ content lines ⇄ components, TEXT and other value types.

Nothing here knows mitimeline's model: no import of ``mitimeline.model``, ``.timeline``,
``.when`` or ``.jsonio`` (``mitimeline.errors`` is allowed), nor of ``ical.read``,
``ical.write`` or the shared modules of ``ical``.
"""
