"""Finding entries in the catalog: name resolution, search, AWS equivalents."""
