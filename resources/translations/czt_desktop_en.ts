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
        <location filename="../../czt_desktop/ui/main_window.py" line="794"/>
        <source>The content folder “%1” has %n problem(s), so the bundled content is shown.</source>
        <translation>
            <numerusform>The content folder “%1” has %n problem, so the bundled content is shown.</numerusform>
            <numerusform>The content folder “%1” has %n problems, so the bundled content is shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/main_window.py" line="800"/>
        <source>Ignored unknown command-line option(s): %1</source>
        <translation>
            <numerusform>Ignored an unknown command-line option: %1</numerusform>
            <numerusform>Ignored unknown command-line options: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/overview.py" line="204"/>
        <source>Sources and notes (%n)</source>
        <translation>
            <numerusform>Sources and notes (%n)</numerusform>
            <numerusform>Sources and notes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageLensWords</name>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="48"/>
        <source>All %n enterprise(s) the paper lists were built in this stage, %1–%2.</source>
        <translation>
            <numerusform>The one enterprise the paper lists was built in this stage, %1–%2.</numerusform>
            <numerusform>All %n enterprises the paper lists were built in this stage, %1–%2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="59"/>
        <source>%1 of the %n enterprise(s) the paper lists were built in this stage, %2–%3; the table shows them all.</source>
        <translation>
            <numerusform>%1 of the %n enterprise the paper lists was built in this stage, %2–%3; the table shows it.</numerusform>
            <numerusform>%1 of the %n enterprises the paper lists were built in this stage, %2–%3; the table shows them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="73"/>
        <source>None of the %n enterprise(s) the paper lists were built in this stage: all were built in %1–%2, in stage %3 (%4).</source>
        <translation>
            <numerusform>The one enterprise the paper lists was not built in this stage: it was built in %1, in stage %3 (%4).</numerusform>
            <numerusform>None of the %n enterprises the paper lists were built in this stage: all were built in %1–%2, in stage %3 (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="85"/>
        <source>None of the %n enterprise(s) the paper lists were built in this stage: they were built in %1–%2.</source>
        <translation>
            <numerusform>The one enterprise the paper lists was not built in this stage: it was built in %1.</numerusform>
            <numerusform>None of the %n enterprises the paper lists were built in this stage: they were built in %1–%2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="97"/>
        <source>Showing the %n milestone(s) of this stage: plans, documents and events.</source>
        <translation>
            <numerusform>Showing the %n milestone of this stage: a plan, document or event.</numerusform>
            <numerusform>Showing the %n milestones of this stage: plans, documents and events.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="102"/>
        <source>Showing %n milestone(s) chosen with the lists below, not only this stage&apos;s.</source>
        <translation>
            <numerusform>Showing %n milestone chosen with the lists below, not only this stage&apos;s.</numerusform>
            <numerusform>Showing %n milestones chosen with the lists below, not only this stage&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="112"/>
        <source>%n figure(s) the paper gives for this stage come first, marked in the stage&apos;s colour.</source>
        <translation>
            <numerusform>The %n figure the paper gives for this stage comes first, marked in the stage&apos;s colour.</numerusform>
            <numerusform>The %n figures the paper gives for this stage come first, marked in the stage&apos;s colour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="171"/>
        <source>The numbers by the cities: the %n enterprise(s) of this stage the paper lists, by city (%1).</source>
        <translation>
            <numerusform>The number by the city: the %n enterprise of this stage the paper lists (%1).</numerusform>
            <numerusform>The numbers by the cities: the %n enterprises of this stage the paper lists, by city (%1).</numerusform>
        </translation>
    </message>
</context>
</TS>
