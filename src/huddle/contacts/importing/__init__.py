"""CSV import and export of contacts: streamed, chunked, bulk-written, idempotent."""
