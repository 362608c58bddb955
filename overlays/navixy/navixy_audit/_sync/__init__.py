# Generated from overlays/navixy/navixy_audit/_async/__init__.py by scripts/unasync.py: edit that file.
"""The code written once: ``scripts/unasync.py`` writes each module's twin into ``../_sync/``."""
