"""The classroom presentation: the deck of slides (``slides``, Qt-free), the full-screen
window that shows it (``window``) and the pen/highlighter drawn over it (``pen``).

Import the Qt parts from their modules; this package itself imports nothing heavy.
"""
