"""Word documents filled from templates (docxtpl)."""
