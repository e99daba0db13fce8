"""The interactive timeline: five stages as bands, events and enterprises as markers."""

from czt_desktop.ui.timeline.view import TimelineView

__all__ = ["TimelineView"]
