"""Escaping for the case-log markup built in Python (the timeline, My work's rows)."""

import html


def escape(value) -> str:
    """What the template engine's autoescape writes: ``conditional_escape`` without its
    lazy-text wrapper (Django's ``escape`` is ``html.escape``), trusted markup left as it is."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
