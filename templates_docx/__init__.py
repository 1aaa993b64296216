"""The default Word templates (docxtpl), installed as the package sopdocs.templates_docx."""
