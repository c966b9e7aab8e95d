"""Marketing email: templates, sending with tracking, and the suppression list."""
