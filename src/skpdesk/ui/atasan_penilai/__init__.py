"""The Atasan Penilai tab: keberatan, countersigning, capaian kinerja organisasi."""
