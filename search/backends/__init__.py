"""Wagtail's engine backends with the intranet's query tuning (see `fuzzy.py`)."""
