"""Shared by every tab: the bus, palette, texts, common widgets, the chain widgets."""
