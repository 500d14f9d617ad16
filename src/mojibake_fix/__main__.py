"""``python -m mojibake_fix`` runs the command line."""

from .cli import main

raise SystemExit(main())
