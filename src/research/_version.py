"""The version of the research package."""

__version__ = "0.1.0"
