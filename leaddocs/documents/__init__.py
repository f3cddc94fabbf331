"""Documents rendered from the model: release notes and the CHANGELOG (Jinja2 templates)."""
