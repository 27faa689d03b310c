"""One SKP record's screens (editor, RHK, evaluation, PP 46), shared by the role tabs."""
