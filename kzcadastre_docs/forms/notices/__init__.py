"""The notices the Rules prescribe (no approved form), one module per notice."""
