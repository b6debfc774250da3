"""Data shipped with TAREaid: the evidence pack, fonts and icons (installed as tareaid.resources)."""
