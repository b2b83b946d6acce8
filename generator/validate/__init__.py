"""Stage 2, validate: raw documents -> typed, cross-checked content, or every problem."""
