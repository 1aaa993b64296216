"""The pipeline: the only calls the command line and the web page make.

    read -> profile -> number -> link -> validate          check(paths, options) -> [Checked]
    -> lay out -> render -> paginate -> write (-> PDF)     build(paths, out_dir, options) -> [BuildResult]

Both take a `progress` callback that receives an `Event` at each step (see events.py).
docs/architecture.md draws the whole picture.
"""
from .building import BuildResult, build
from .checking import Checked, check, check_workbook, find_workbooks
from .events import Event, Stage
from .options import Options, default_jobs

__all__ = ["BuildResult", "Checked", "Event", "Options", "Stage", "build", "check", "check_workbook",
           "default_jobs", "find_workbooks"]
