"""The content layer: the paper's facts as typed, immutable, validated objects.

Pure Python + pandas. Nothing here may import Qt (``tests/test_layering.py`` checks),
so the same content serves the GUI, the command-line validator and the tests.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from czt_desktop.content.findings import ContentError, Finding, Severity
    from czt_desktop.content.loader import load_content, validate_folder
    from czt_desktop.content.model import (
        City,
        Content,
        DataNote,
        Enterprise,
        Event,
        Fact,
        Industry,
        InnovationBase,
        Manifest,
        PeerCluster,
        Place,
        Problem,
        Source,
        Stage,
        Statistic,
        Strategy,
        Text,
    )

#: Where each public name lives. They are imported on first use: the app's first frame
#: reads only a small summary (``summary.py``), and start-up time counts; the loader
#: (CSV reading, checks, regular expressions) is needed only when the cache is stale.
_HOMES = {
    "ContentError": "findings", "Finding": "findings", "Severity": "findings",
    "load_content": "loader", "validate_folder": "loader",
    "City": "model",
    "Content": "model",
    "DataNote": "model",
    "Enterprise": "model",
    "Event": "model",
    "Fact": "model",
    "Industry": "model",
    "InnovationBase": "model",
    "Manifest": "model",
    "PeerCluster": "model",
    "Place": "model",
    "Problem": "model",
    "Source": "model",
    "Stage": "model",
    "Statistic": "model",
    "Strategy": "model",
    "Text": "model",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "City",
    "Content",
    "ContentError",
    "DataNote",
    "Enterprise",
    "Event",
    "Fact",
    "Finding",
    "Industry",
    "InnovationBase",
    "Manifest",
    "PeerCluster",
    "Place",
    "Problem",
    "Severity",
    "Source",
    "Stage",
    "Statistic",
    "Strategy",
    "Text",
    "load_content",
    "validate_folder",
]
