"""The feedback loop (what separates contacts that converted, the MQL threshold the last
months argue for) and product feedback (objections and feature gaps heard on deals and
accounts, ranked by the pipeline at stake)."""
