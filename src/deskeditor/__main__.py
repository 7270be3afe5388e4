"""Entry point for ``python -m deskeditor``."""

import sys

from deskeditor.cli import main

sys.exit(main())
