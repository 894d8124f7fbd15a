"""Benchmarks that print a report (python -m bench); not part of the test suite."""
