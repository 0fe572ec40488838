"""Sync with headquarters: the client (requests) and the HQ server (FastAPI)."""
