"""sopdocs: SOP Administrasi Pemerintahan and Standar Pelayanan workbooks into official Word documents.

The pipeline (`sopdocs.pipeline`): read -> profile -> number -> link -> validate -> lay out ->
render -> paginate -> write (-> PDF). The command line and the web page call `check` and `build`,
nothing else. docs/architecture.md draws it.
"""
from .errors import PluginError, SopdocsError, WorkbookError
from .findings import Finding, Findings
from .pipeline import BuildResult, Checked, Event, Options, Stage, build, check, find_workbooks

__all__ = ["BuildResult", "Checked", "Event", "Finding", "Findings", "Options", "PluginError", "SopdocsError",
           "Stage", "WorkbookError", "build", "check", "find_workbooks"]
