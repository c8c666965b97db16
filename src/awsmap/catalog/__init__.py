"""The data and its compiled index: kinds, records, loading, validation, the catalog."""
