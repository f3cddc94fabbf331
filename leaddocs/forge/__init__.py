"""The forge layer: the only code that talks to GitHub (and, later, GitLab), behind the small
protocol in ``leaddocs.forge.base``."""
