"""The Qt-free core: store, models, rendering, export, import and counts."""
