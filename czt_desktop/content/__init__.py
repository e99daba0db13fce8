"""The content layer: the paper's facts as typed, immutable, validated objects.

Pure Python + pandas. Nothing here may import Qt (``tests/test_layering.py`` checks),
so the same content serves the GUI, the command-line validator and the tests.
"""

from typing import TYPE_CHECKING

from czt_desktop.content.findings import ContentError, Finding, Severity
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

if TYPE_CHECKING:
    from czt_desktop.content.loader import load_content, validate_folder


def __getattr__(name: str) -> object:
    # The loader (CSV reading, checks, regular expressions) is imported on first use:
    # a start from the content cache needs only the model, and start-up time counts.
    if name in {"load_content", "validate_folder"}:
        from czt_desktop.content import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
