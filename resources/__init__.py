"""Data shipped with TAREaid: evidence pack, demo cases, fonts, icons (as tareaid.resources)."""
