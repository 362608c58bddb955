# Generated from overlays/nlpearl/nlpearl_audit/_async/__init__.py by scripts/unasync.py: edit that file.
"""The NLPearl client, written once: ``scripts/unasync.py`` writes its twin into ``../_sync/``."""
