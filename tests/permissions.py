"""File permissions that bind in tests, also when the tests run as root."""

from __future__ import annotations

import os
import shutil

import pytest


def unprivileged() -> tuple[str, ...]:
    """A command prefix that makes file permissions bind (root ignores them unless it drops these)."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a file or folder unreadable")
    caps = "-dac_override,-dac_read_search"
    return ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")
