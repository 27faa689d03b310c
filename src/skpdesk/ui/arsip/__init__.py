"""The Arsip tab: generated documents, signed scans, batch printing."""
