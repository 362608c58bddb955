"""Navixy tests written once, for the AsyncClient; ``scripts/unasync.py`` writes their twins for Client."""
