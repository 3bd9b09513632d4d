"""Entry script of the frozen app: the same ``main()`` as the installed ``kpi-editor`` command.

``main()`` handles ``--self-test`` itself (before any QApplication exists), so the bundle's
self-test and the window share one entry point.
"""

import sys

from kpi_editor.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
