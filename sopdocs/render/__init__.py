"""Stage 4: rendering layouts into Word documents."""
