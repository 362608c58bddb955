"""The async client, written once; ``scripts/unasync.py`` writes its sync twin in ``_sync/``."""
