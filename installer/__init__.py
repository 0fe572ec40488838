"""Building the desktop application as a one-folder bundle (issue 19): see docs/installer.md."""
