"""The shared record: contacts, accounts, touches, notes, dedupe, enrichment, import/export."""
