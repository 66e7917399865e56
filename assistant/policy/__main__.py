"""`python -m assistant.policy ...`: see cli.py."""

from .cli import main

raise SystemExit(main())
