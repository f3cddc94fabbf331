"""The application layer: requests in, Document values out, delivered by one writer.

The public, typed API is ``leaddocs.application.api`` (docs/api.md). This package's
``__init__`` stays empty so that importing one command's module does not load every engine.
"""
