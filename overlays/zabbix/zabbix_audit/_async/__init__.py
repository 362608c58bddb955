"""The Zabbix client, written once (``scripts/unasync.py`` writes the sync twin)."""
