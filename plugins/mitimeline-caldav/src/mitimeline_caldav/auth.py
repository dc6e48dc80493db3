"""Where credentials come from: the environment, ``~/.netrc``, or the system keyring when the
``keyring`` package is installed. Never the command line; never echoed: messages name the
user and host only."""

from __future__ import annotations

import netrc
import os
from urllib.parse import urlsplit

from .errors import PublishError

__all__ = ["PASSWORD_ENV", "USERNAME_ENV", "find_credentials"]

USERNAME_ENV = "MITIMELINE_CALDAV_USERNAME"
PASSWORD_ENV = "MITIMELINE_CALDAV_PASSWORD"


def find_credentials(url: str) -> tuple[str, str] | None:
    """(user, password) for ``url``'s host: both environment variables if set; else the
    ``~/.netrc`` (or ``$NETRC``) entry for the host; else, with ``keyring`` installed and
    the user name in the environment, the keyring's password for service HOST and that
    user. None when nothing names a user (the server may need none)."""
    host = urlsplit(url).hostname or ""
    user, password = os.environ.get(USERNAME_ENV), os.environ.get(PASSWORD_ENV)
    if password is not None and not user:
        raise PublishError(f"{PASSWORD_ENV} is set but {USERNAME_ENV} is not: set both")
    if user and password is not None:
        return user, password
    found = _netrc(host)
    if found is not None and (not user or found[0] == user):
        return found
    if user:
        stored = _keyring(host, user)
        if stored is not None:
            return user, stored
        raise PublishError(
            f"no password for {user} at {host}: set {PASSWORD_ENV}, add the host to "
            f"~/.netrc, or store it with the keyring (service {host!r}, user {user!r})")
    return None


def _netrc(host: str) -> tuple[str, str] | None:
    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.exists(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except netrc.NetrcParseError as exc:
        raise PublishError(f"cannot read {exc.filename}: line {exc.lineno}: {exc.msg}") from None
    except OSError as exc:
        raise PublishError(f"cannot read {path}: {exc.strerror}") from None
    if entry is None or not entry[0]:
        return None
    return entry[0], entry[2] or ""


def _keyring(host: str, user: str) -> str | None:
    try:
        import keyring  # optional: only when installed
    except ImportError:
        return None
    try:
        password: str | None = keyring.get_password(host, user)
    except Exception:  # no usable backend (a headless machine): as if not installed
        return None
    return password
