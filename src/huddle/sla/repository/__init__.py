"""SLA's queries: versions and signatures, calendars, clocks and their log, the figures of
the dashboard and the review; and what they read of leads (contacts, accounts, grades,
stage entries) and of people (users), joined read-only."""
