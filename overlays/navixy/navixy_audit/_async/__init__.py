"""The code written once: ``scripts/unasync.py`` writes each module's twin into ``../_sync/``."""
