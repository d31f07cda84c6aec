"""checker: a source-reliability and claim-consistency checker for news."""

__version__ = "0.1.0"
