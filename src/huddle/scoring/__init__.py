"""Scoring, grading and qualification: rules stored as data, applied set-at-a-time in SQL."""
