"""Personal data on request: export, erasure, and the one-click unsubscribe link."""
