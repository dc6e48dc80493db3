"""Which addresses reach this machine only: the default address of ``mitimeline serve`` and
the test for the warning given when listening elsewhere."""

from __future__ import annotations

import ipaddress

__all__ = ["LOOPBACK", "is_loopback"]

LOOPBACK = "127.0.0.1"
"""The default address: only programs on this machine can connect."""


def is_loopback(host: str) -> bool:
    """True when ``host`` is ``localhost`` or a loopback address (``127.0.0.0/8``, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
