"""The deterministic demo company: Northwind Analytics, a B2B SaaS vendor, 18 months in.

``plan`` writes the story as plain data (who did what, when, and why); ``load`` plays it
through the real services under a frozen clock, so the demo obeys every rule real use does.
Every demo address is under the reserved ``.example`` top-level domain: nothing here can
ever reach a real inbox.
"""
