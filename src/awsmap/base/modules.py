"""Importing a module by its name without the ``importlib`` package.

The command table, the kinds registry and the renderer find code by module name (one module per
command family, per record family, per view family). ``importlib.import_module`` would do, but
importing ``importlib`` itself costs about a millisecond, a hundredth of a lookup, for three calls
that the interpreter's own ``__import__`` answers (tests/test_cache.py pins that a warm lookup
never imports it).
"""

import sys
import types


def module(name: str) -> types.ModuleType:
    """The module of this absolute dotted name, imported if it is not yet."""
    found = sys.modules.get(name)
    if found is None:
        __import__(name)
        found = sys.modules[name]
    return found
