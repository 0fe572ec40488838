"""Import and export of contacts and assets: vCard, CSV with an HXL hashtag row, GeoJSON.

Imports happen in two steps: a preview (nothing written; rows to add, rows matching
existing records with a merge/skip choice, rejected rows with line and reason), then an
apply that writes in the caller's one transaction. A file that cannot be read at all
raises ImportFileError naming the line and reason, and nothing is imported.
"""
