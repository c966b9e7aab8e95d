"""Huddle: one shared record for marketing, sales and customer success."""

__version__ = "0.1.0"
