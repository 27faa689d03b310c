"""The only writers: one function per user action, checked and audited in one transaction."""
