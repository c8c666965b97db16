"""The bottom layer: errors, text, paths and small records that every layer may use."""
