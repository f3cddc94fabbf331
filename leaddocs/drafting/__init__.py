"""Drafting: the deterministic template drafter and the grounded LLM drafter (docs/llm.md)."""
