"""The museum kiosk's widgets and event filters, used by :mod:`czt_desktop.ui.modes.kiosk`.

Everything here lives inside the main window (overlays, never dialogs: a dialog could
be moved, closed or left behind on a kiosk) and is removed again when the kiosk mode
is left.
"""
