"""The shared asset library: content (whitepapers, case studies, tools) marketing adds and
an approver approves, and the next best asset for a contact."""
