"""prepcoach: a local-first interview preparation coach."""

__version__ = "0.1.0"
