"""deskeditor: a desktop newsroom editor that works offline and exports clean article pages."""

__version__ = "0.1.0"
