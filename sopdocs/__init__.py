"""sopdocs: SOP Administrasi Pemerintahan and Standar Pelayanan workbooks into official Word documents.

The pipeline, one module each: reader (workbook -> model) -> validate -> layout -> render ->
write (-> pdf). Everything the command line does is a plain call of these.
"""
from .findings import Finding, Findings, WorkbookError
from .reader import read_workbook
from .validate import validate
from .workbooks import Checked, check_workbook, find_workbooks

__all__ = ["Checked", "Finding", "Findings", "WorkbookError", "check_workbook", "find_workbooks",
           "read_workbook", "validate"]
