"""The project package's own model: change proposals to published content, defined beside the
content machinery that uses them."""

from .content.models import Endringsforslag, Forslagsstatus

__all__ = ["Endringsforslag", "Forslagsstatus"]
