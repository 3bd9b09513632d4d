"""pytest-qt's qapp must not need a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
