"""Languages: formatting of dates, numbers and money, and the library's messages."""
