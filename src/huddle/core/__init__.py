"""Cross-cutting plumbing: settings, database, errors, clock, events. Imports no domain."""
