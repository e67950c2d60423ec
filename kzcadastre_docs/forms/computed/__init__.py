"""What the forms compute from their data (never typed into a template)."""
