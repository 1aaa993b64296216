"""Writing outputs atomically: a file is either the complete new one or the old one, never half."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path beside `path`; when the block succeeds it replaces `path` in one
    step (os.replace), when it fails the temporary file is removed and `path` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix + ".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # as a plain open() would; mkstemp's 0600 hides files from colleagues
    try:
        yield Path(tmp)
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError as exc:  # Windows: the old file is open in Word or WPS
        raise OutputError(f"File {path} tidak dapat diganti karena sedang dibuka (mungkin di Word atau WPS); "
                          f"tutup dulu file {path.name} di Word, lalu ulangi.") from exc
