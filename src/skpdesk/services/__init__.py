"""The only writers: one function per user action, checked, applied and audited in one transaction."""
