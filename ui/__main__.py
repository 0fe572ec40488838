"""`python -m ui` starts the desktop application, like the `cmcoord` command."""

from ui.app import main

raise SystemExit(main())
