# Generated from overlays/voximplant/voximplant_audit/_async/__init__.py by scripts/unasync.py: edit that file.
"""The sync client, written once; ``scripts/unasync.py`` writes its sync twin in ``_sync/``."""
