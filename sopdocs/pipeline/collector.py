"""Python's cyclic garbage collector around the work on one workbook (its check, its books)."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while one workbook is read and checked, or its books made.

    Both make tens of thousands of objects (grids, steps, their cells; layouts, XML) that survive
    the collections run meanwhile, and those surviving in turn start full collections, each walking
    every model a run keeps (a region's check spent a seventh of its CPU there). Nothing is lost:
    whatever the workbook left behind is collected afterwards (the build collects after each
    workbook). The collector is process-wide: only the call that found it running starts it again."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
