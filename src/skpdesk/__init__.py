"""skpdesk: the offline desktop application for the SKP cycle of a small government office."""

__version__ = "0.1.0"
APP_NAME = "skpdesk"
