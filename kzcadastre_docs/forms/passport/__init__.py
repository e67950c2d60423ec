"""The cadastral passport."""
