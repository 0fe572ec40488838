"""Benchmarks: `python -m bench.NAME` prints JSON figures. Not run by the test suite."""
