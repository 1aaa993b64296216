"""Not code: lets the docs be installed with sopdocs: the guide to the template tags (templates.md),
for `sopdocs templat salin`, and the user guides the web page shows (workbook.md)."""
