"""The Perencanaan tab: Perjanjian Kinerja and the quarterly Pengukuran Kinerja chain."""
