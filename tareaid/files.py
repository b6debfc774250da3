"""Writing a file the safe way: all of it or nothing, readable by its owner only.

Every file TAREaid writes for the user (case exports, PDFs, agenda summaries) goes through
here, so a crash or a full disk never leaves half a file where a good one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` completely or not at all, with mode 0600.

    The bytes go to a temporary file in the same folder (mkstemp creates it 0600, so it is
    private even while being written), are flushed to disk, and the file is renamed over
    `path`; on failure any earlier file at `path` is untouched. Raises OSError.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file name", str(target))
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
