# Generated from overlays/zabbix/zabbix_audit/_async/__init__.py by scripts/unasync.py: edit that file.
"""The Zabbix client, written once (``scripts/unasync.py`` writes the sync twin)."""
