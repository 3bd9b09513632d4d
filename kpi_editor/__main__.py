"""``python -m kpi_editor [FILE ...]`` starts the editor window."""

import sys

from kpi_editor.gui.app import main

sys.exit(main())
