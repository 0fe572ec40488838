"""CMCoord Field Kit core: models, storage, services and documents, with no Qt and no HTTP."""

__version__ = "0.1.0"
