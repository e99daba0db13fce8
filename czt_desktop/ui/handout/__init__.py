"""The classroom handout: one stage or all of them as an A4 PDF (File → Export handout).

``write_handout(content, lang, stage_ids, path)`` is the whole API a caller needs
(the self-test uses it); :mod:`czt_desktop.ui.handout.dialog` asks a user what to write.
Importing this package imports neither matplotlib nor the dialog.
"""

from czt_desktop.ui.handout.writer import write_handout

__all__ = ["write_handout"]
