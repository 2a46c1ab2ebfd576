"""Built-in demo world: three deterministic anime fan-news sites behind one local HTTP proxy.

Exports are resolved lazily so ``python -m fanwire.demo.server`` does not import
the server module twice (once via the package, once as ``__main__``).
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .server import DemoServer, start_server
    from .world import DemoSite, DemoWorld

__all__ = ["DemoServer", "DemoSite", "DemoWorld", "start_server"]

_HOMES = {"DemoServer": ".server", "start_server": ".server", "DemoWorld": ".world", "DemoSite": ".world"}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
