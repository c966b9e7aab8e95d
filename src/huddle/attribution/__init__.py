"""Multi-touch attribution: pipeline, revenue and conversions credited to campaigns and
channels by six models side by side (reads only; nothing imports it)."""
