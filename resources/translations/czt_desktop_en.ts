<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HandoutDialog</name>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="100"/>
        <source>All %n stage(s)</source>
        <translation>
            <numerusform>The one stage</numerusform>
            <numerusform>All %n stages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/main_window.py" line="707"/>
        <source>The content folder “%1” has %n problem(s), so the bundled content is shown.</source>
        <translation>
            <numerusform>The content folder “%1” has %n problem, so the bundled content is shown.</numerusform>
            <numerusform>The content folder “%1” has %n problems, so the bundled content is shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/main_window.py" line="713"/>
        <source>Ignored unknown command-line option(s): %1</source>
        <translation>
            <numerusform>Ignored an unknown command-line option: %1</numerusform>
            <numerusform>Ignored unknown command-line options: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
