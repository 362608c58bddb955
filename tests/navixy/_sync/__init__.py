# Generated from tests/navixy/_async/__init__.py by scripts/unasync.py: edit that file.
"""Navixy tests written once, for the Client; ``scripts/unasync.py`` writes their twins for Client."""
