"""Stage 4, render: computed reports -> Markdown pages, tables, charts and open data."""
