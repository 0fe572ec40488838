"""Help for the officer: the offline user guide, the shortcuts sheet, About, and how a
window takes its place on the laptop's screen."""
