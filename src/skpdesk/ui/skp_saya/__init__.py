"""The SKP Saya tab: the pegawai's own SKPs."""
