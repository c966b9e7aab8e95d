"""The SLA: a signed agreement between marketing and sales, measured by clocks (issue 6)."""
