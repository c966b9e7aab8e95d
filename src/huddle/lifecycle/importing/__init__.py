"""Importing deals from other CRMs\x27 exports."""
