"""Stage 1, load: the content tree read into raw documents (syntax only)."""
