"""Not code: lets the guide to the template tags (templates.md) be installed with sopdocs, for `sopdocs templat salin`."""
