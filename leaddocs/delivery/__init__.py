"""Delivery: the one place that writes documents (files now; pull requests next)."""
