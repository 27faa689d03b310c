"""The Kepegawaian tab: roster, accounts, office settings, backups."""
