"""The error report of an import: the kernel's (``huddle.core.csvreport``), which every
domain's import shares; importable from here for the contact import's modules."""

from huddle.core.csvreport import ErrorReport

__all__ = ["ErrorReport"]
