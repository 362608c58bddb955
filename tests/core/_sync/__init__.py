# Generated from tests/core/_async/__init__.py by scripts/unasync.py: edit that file.
