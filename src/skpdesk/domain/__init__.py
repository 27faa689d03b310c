"""Pure rules of the SKP domain: no database, no files, no Qt."""
