"""长株潭 Timeline: a desktop app about the Changsha–Zhuzhou–Xiangtan city cluster, 1949–2019."""

__version__ = "0.1.0"

#: Reverse-DNS application id, used for settings/log folders, the .desktop file and the bundle.
APP_ID = "org.cztdesktop.Timeline"
#: Short name used for folders on disk and the executable.
APP_NAME = "czt-desktop"
#: The human-readable name is each language's own: ``languages.language(code).app_title``.
