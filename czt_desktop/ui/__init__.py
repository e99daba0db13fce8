"""Qt widgets and models that adapt :mod:`czt_desktop.content` for people."""
