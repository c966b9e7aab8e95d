"""Campaigns that touches and contacts are attributed to."""
