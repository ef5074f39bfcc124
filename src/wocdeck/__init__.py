"""wocdeck: turn a YAML deck file into a native, editable, on-brand PowerPoint deck."""

__version__ = "0.1.0"
