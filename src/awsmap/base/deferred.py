"""Standard modules a quick command imports but never uses, loaded only when something uses them.

Rich imports ``dataclasses``, which imports ``inspect`` (and with it ``ast``, ``dis`` and
``tokenize``: about 8 ms here, a twentieth of a table lookup) for one purpose only: to write a
docstring for a dataclass that has none. Rich's dataclasses all have one, so a lookup never needs
``inspect``. ``defer`` puts a stand-in into ``sys.modules``; the first attribute read from it
imports the real module, which from then on is what everyone gets. Only the process layer
(``entry.main``) calls it, before Rich is imported; tests/test_cache.py pins both that a warm
table lookup never loads the real module and that code using the stand-in gets the real thing.
"""

import sys
import types

from awsmap.base.modules import module

DEFERRED = ("inspect",)


class StandIn(types.ModuleType):
    """Takes the place of a module until one of its attributes is read."""

    def __getattr__(self, attr: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(module(self.__name__), attr)


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = StandIn(name)
