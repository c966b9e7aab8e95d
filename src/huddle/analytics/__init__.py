"""Analytics: the funnel, velocity and the ratios both teams read (reads only; nothing
imports it). The counting rules are written down in ``rules.py``."""
