<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="175" />
        <source>Switch to English</source>
        <translation>切换到英文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="175" />
        <source>Switch to Chinese</source>
        <translation>切换到中文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="177" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="178" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="179" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="180" />
        <source>&amp;Previous stage</source>
        <translation>上一阶段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="181" />
        <source>&amp;Next stage</source>
        <translation>下一阶段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="182" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="183" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="184" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="185" />
        <source>Stages</source>
        <translation>发展阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="186" />
        <source>Stage details</source>
        <translation>阶段详情</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="244" />
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="245" />
        <source>Key enterprises founded</source>
        <translation>兴建的重点企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="246" />
        <source>large</source>
        <translation>大型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="246" />
        <source>large, class I</source>
        <translation>大一型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="247" />
        <source>Notes on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="248" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="250" />
        <source>Next</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="264" />
        <source>The content folder “%1” has %2 problem(s), so the bundled content is shown.</source>
        <translation>内容文件夹“%1”有 %2 处问题，因此显示的是内置内容。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="267" />
        <source>Some saved settings could not be used (%1); defaults were used.</source>
        <translation>部分已保存的设置无法使用（%1），已改用默认设置。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="269" />
        <source>Ignored unknown command-line option(s): %1</source>
        <translation>已忽略无法识别的命令行参数：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="289" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="291" />
        <source>Font: Noto Sans CJK SC (SIL Open Font License 1.1).</source>
        <translation>字体：思源黑体 Noto Sans CJK SC（SIL 开源字体许可证 1.1）。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="292" />
        <source>Made with Qt for Python (LGPL), pandas and matplotlib.</source>
        <translation>使用 Qt for Python（LGPL）、pandas 和 matplotlib 制作。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="295" />
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../czt_desktop/ui/notice_banner.py" line="63" />
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/notice_banner.py" line="64" />
        <location filename="../../czt_desktop/ui/notice_banner.py" line="65" />
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
</TS>