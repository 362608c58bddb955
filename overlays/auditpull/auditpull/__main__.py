"""``python -m auditpull``: the same as the ``auditpull`` command."""

from ._cli import main

raise SystemExit(main())
