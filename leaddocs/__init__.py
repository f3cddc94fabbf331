"""leaddocs: Git-native docs-as-code for tech leads."""

# The single source of the version (pyproject reads it through hatch): cheaper at start-up than
# asking importlib.metadata, which every command would pay for.
__version__ = "0.1.0"
