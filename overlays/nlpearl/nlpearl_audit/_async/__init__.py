"""The NLPearl client, written once: ``scripts/unasync.py`` writes its twin into ``../_sync/``."""
