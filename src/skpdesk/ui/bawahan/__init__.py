"""The Bawahan tab: the penilai's subordinates, matriks peran hasil, distribution, buku catatan."""
