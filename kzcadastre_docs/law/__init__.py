"""The law: the working-day calendar, the Rules' terms, fees, identifiers and cadastral numbers."""
