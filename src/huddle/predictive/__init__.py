"""Predictive scoring: a model learned from the company's own history (or another system's
export), measured on held-out rows, stored as versions, one active (see docs/PREDICTIVE.md)."""

from typing import Literal

Algorithm = Literal["logistic", "boosted"]
ALGORITHMS: tuple[Algorithm, ...] = ("logistic", "boosted")
# How long after its cut-off a contact has to reach the target, unless told.
DEFAULT_HORIZON_DAYS = 90

# The job that scores every contact with the model just activated, a chunk at a time. Named
# here, not in the service: the job's handler is registered by every process, and the
# service brings numpy and scikit-learn (about 150 MB) that only training and scoring need.
RESCORE_JOB = "predictive.rescore"
