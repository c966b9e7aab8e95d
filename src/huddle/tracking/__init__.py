"""Tracking: the website snippet, forms, email tokens and the events API (issue 4).

Every touch it records goes through the shared record's set-at-a-time path
(``contacts.service.record_touches``), which publishes one ``TouchesRecorded`` per batch.
"""
