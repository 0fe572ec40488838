"""Sync with headquarters: the protocol (wire, codec, errors) and the device's client
(requests); the HQ server is the top-level `hq` package."""
