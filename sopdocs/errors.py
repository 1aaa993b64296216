"""Every exception sopdocs raises on purpose. Each message is for the user, in Bahasa Indonesia."""
from __future__ import annotations


class SopdocsError(Exception):
    """Something the user can fix; the message says what and how."""


class WorkbookError(SopdocsError):
    """A workbook that cannot be read at all."""


class PluginError(SopdocsError):
    """A plugin that could not be loaded or that failed."""


class TemplateError(PluginError):
    """A Word template that cannot be rendered (a template is a plugin's part of the work)."""


class ConversionError(SopdocsError):
    """A PDF or PNG conversion that could not be done."""


class OutputError(SopdocsError):
    """A document that cannot be written (e.g. the old one is open in Word on Windows)."""
