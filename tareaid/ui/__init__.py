"""The Qt desktop interface: widgets and item models only (no SQL, no rules)."""
