"""leaddocs: Git-native docs-as-code for tech leads."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leaddocs")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
