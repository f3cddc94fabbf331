"""The MkDocs plugin: asks the application layer for pages and hands them to MkDocs in memory.

It may import ``leaddocs.application`` only (a contract in pyproject.toml): it renders nothing.
"""
