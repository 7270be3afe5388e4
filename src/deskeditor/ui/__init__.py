"""The thin PySide6 layer: windows, widgets and the operations they call."""
