"""The HQ server: FastAPI application, admin commands and web pages."""
