"""Briefs: a decision, a release or a status period in plain language for one reader
(leadership, product, legal, customers), grounded fact by fact in its source (docs/briefs.md)."""
