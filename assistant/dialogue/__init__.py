"""The complaint journey as data plus a small engine. Nothing here knows of Flask or HTML."""

from .engine import Journey, Step
from .journey import build_journey

__all__ = ["Journey", "Step", "build_journey"]
