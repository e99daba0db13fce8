"""The museum kiosk's Qt-free parts: its config file, the staff PIN, the usage log and the
``kiosk-pin`` / ``kiosk-report`` commands.

The widgets that use them live in :mod:`czt_desktop.ui.kiosk` and
:mod:`czt_desktop.ui.modes.kiosk`; nothing here imports Qt, so the commands start
instantly and run on a machine without a display.
"""
