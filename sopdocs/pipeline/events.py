"""Progress of a run, told to the caller's `progress` callback: the command line's progress bar
and the web page's progress bars are both drawn from these events."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable


class Stage(enum.Enum):
    CHECKED = "diperiksa"  # a workbook was read and checked (`checked` holds the result)
    STARTED = "mulai"  # its documents are being made (`total`: how many parts)
    PART = "bagian"  # one part is done (`part`: its name, `done` of `total`)
    FINISHED = "selesai"  # the workbook is done (`result` holds the BuildResult)


@dataclass(frozen=True)
class Event:
    stage: Stage
    workbook: Path
    part: str = ""
    done: int = 0
    total: int = 0
    checked: Any = None
    result: Any = None

    @property
    def fraction(self) -> float:
        """How much of this workbook's work is done, 0..1."""
        if self.stage is Stage.FINISHED:
            return 1.0
        return self.done / self.total if self.total else 0.0


Progress = Callable[[Event], None]


def ignore(event: Event) -> None:
    """The progress callback of a caller that does not listen."""
