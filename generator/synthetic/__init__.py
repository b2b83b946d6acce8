"""Synthetic content for tests and benchmarks (outside the production pipeline)."""
