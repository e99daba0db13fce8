"""长株潭 Timeline: a desktop app about the Changsha–Zhuzhou–Xiangtan city cluster, 1949–2019."""

__version__ = "0.1.0"

#: Reverse-DNS application id, used for settings/log folders, the .desktop file and the bundle.
APP_ID = "org.cztdesktop.Timeline"
#: Short name used for folders on disk and the executable.
APP_NAME = "czt-desktop"
#: Human-readable names.
APP_TITLE_ZH = "长株潭城市群时间轴"
APP_TITLE_EN = "Changsha–Zhuzhou–Xiangtan Timeline"
