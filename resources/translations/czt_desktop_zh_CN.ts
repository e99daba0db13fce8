<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="45"/>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="46"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="47"/>
        <source>Font licence…</source>
        <translation>字体许可证…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="56"/>
        <source>This app: MIT licence.</source>
        <translation>本应用：MIT 许可证。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="57"/>
        <source>Fonts: Noto Sans CJK SC and Noto Sans, SIL Open Font License 1.1 (subsets of the originals).</source>
        <translation>字体：思源黑体 Noto Sans CJK SC 与 Noto Sans，SIL 开源字体许可证（SIL Open Font License）1.1（原字体的子集）。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="59"/>
        <source>Qt for Python (PySide6): GNU LGPL v3; Qt&apos;s own licences apply to the Qt libraries.</source>
        <translation>Qt for Python（PySide6）：GNU LGPL v3；Qt 库适用 Qt 自身的许可证。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="61"/>
        <source>pandas: BSD 3-clause licence. matplotlib: matplotlib licence (PSF-based). platformdirs: MIT licence.</source>
        <translation>pandas：BSD 三条款许可证。matplotlib：matplotlib 许可证（基于 PSF）。platformdirs：MIT 许可证。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="63"/>
        <source>City coordinates: GeoNames, Creative Commons Attribution 4.0.</source>
        <translation>城市坐标：GeoNames，知识共享署名 4.0 许可。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/about_dialog.py" line="77"/>
        <source>Font licence</source>
        <translation>字体许可证</translation>
    </message>
</context>
<context>
    <name>AnalysisPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/analysis.py" line="42"/>
        <source>Problems and ideas</source>
        <translation>问题与对策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/analysis.py" line="53"/>
        <source>Problems, and what the paper recommends</source>
        <translation>存在的问题与论文提出的对策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/analysis.py" line="56"/>
        <source>Problems the paper names</source>
        <translation>论文指出的问题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/analysis.py" line="65"/>
        <source>What the paper recommends</source>
        <translation>论文提出的对策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/analysis.py" line="119"/>
        <source>Other city clusters the paper names</source>
        <translation>论文提到的其他城市群</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/attract.py" line="189"/>
        <source>Touch to explore</source>
        <extracomment>The band&apos;s height as a share of the window&apos;s (the tour above stays readable). A chart id (``catalogue.CHARTS``) to scroll to, or None for the top of the pane. Pixels at the bottom of the window hidden by the invitation band: a chart is scrolled into the part above it.</extracomment>
        <translation>触摸屏幕开始探索</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="225"/>
        <source>Bar chart</source>
        <extracomment>File formats :meth:`ChartView.export` writes, by file suffix. Exported PNGs have this many pixels per figure pixel: sharp on slides and in print. Touch target (VISUAL.md, WCAG 2.2): 44×44 px at 100 % zoom. Bounds of the canvas&apos;s minimum height (it grows when long texts need room). Qt&apos;s text widths are within ±4 % of matplotlib&apos;s: wrap as if lines were this much longer. The user asked to save the chart in a format (&quot;png&quot;, &quot;svg&quot; or &quot;pdf&quot;). The window decides whether a file dialog is allowed (a kiosk forbids it) and calls export(). The user chose a stage in the chart or its table (a click, or keys on the chart). The user chose an item (kind, id), e.g. (&quot;enterprise&quot;, &quot;zhuzhou-glass-plant&quot;). Stem of suggested file names, e.g. &quot;gdp-by-city&quot;. Size of the axes&apos; tick labels (a TypeScale field). The plot never gets less than this (px at 100 %); the canvas grows instead. Artists that change on a highlight: drawn over a cached background (blitting). A highlight changed while the chart was scrolled out of view. Something changed while the chart was hidden: draw it when it is shown.</extracomment>
        <translation>条形图</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="423"/>
        <source>Show chart</source>
        <translation>显示图表</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="423"/>
        <source>Show data table</source>
        <translation>显示数据表</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="426"/>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="427"/>
        <location filename="../../czt_desktop/ui/charts/base.py" line="428"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="429"/>
        <source>PNG image (.png)</source>
        <translation>PNG 图片（.png）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="430"/>
        <source>SVG drawing (.svg)</source>
        <translation>SVG 矢量图（.svg）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="431"/>
        <source>PDF document (.pdf)</source>
        <translation>PDF 文档（.pdf）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="554"/>
        <source>Note on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="574"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/base.py" line="582"/>
        <source>Data table: %1</source>
        <translation>数据表：%1</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/idle.py" line="161"/>
        <source>Are you still there?</source>
        <extracomment>Events that mean a person is there. MouseMove counts only with a button held (a drag or a swipe): the kiosk hides the cursor, and Qt sends hover moves by itself. Refresh of the countdown ring (ms); 10 frames a second reads as smooth and costs little.</extracomment>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/idle.py" line="162"/>
        <source>Touch the screen to keep exploring.</source>
        <translation>触摸屏幕即可继续浏览。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/idle.py" line="163"/>
        <source>Otherwise the exhibit starts again for the next visitor.</source>
        <translation>否则展项将为下一位参观者重新开始。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/idle.py" line="164"/>
        <source>Keep exploring</source>
        <translation>继续浏览</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/idle.py" line="213"/>
        <source>Starting again in %1 s</source>
        <translation>%1 秒后重新开始</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../czt_desktop/ui/models/enterprise_table.py" line="45"/>
        <source>Enterprise</source>
        <extracomment>The paper&apos;s own words for the size classes (data/README.md, enterprises.csv), so a search for them finds the plants whatever the UI language. Search terms only: what the table shows comes from the translated labels.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/enterprise_table.py" line="47"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/enterprise_table.py" line="48"/>
        <source>Built</source>
        <translation>建厂年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/enterprise_table.py" line="50"/>
        <source>Size class</source>
        <translation>规模类别</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/enterprise_table.py" line="52"/>
        <source>Industry (from the name)</source>
        <translation>行业（据厂名）</translation>
    </message>
</context>
<context>
    <name>EnterprisesPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="150"/>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="155"/>
        <source>All size classes</source>
        <translation>全部规模类别</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="164"/>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="180"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="122"/>
        <source>Go to stage %1</source>
        <translation>转到第%1阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="170"/>
        <source>Enterprises the paper lists, built %1–%2</source>
        <translation>论文列出的企业（%1—%2年建）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="172"/>
        <source>Search enterprises</source>
        <translation>搜索企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="173"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="174"/>
        <source>Filter by city</source>
        <translation>按城市筛选</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="175"/>
        <source>Built</source>
        <translation>建厂年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="176"/>
        <source>Built in or after</source>
        <translation>建厂年份不早于</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="177"/>
        <source>Built in or before</source>
        <translation>建厂年份不晚于</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="178"/>
        <source>Size class</source>
        <translation>规模类别</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="179"/>
        <source>Filter by size class</source>
        <translation>按规模类别筛选</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="181"/>
        <source>Notes on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="231"/>
        <source>%1 enterprises. Click a column title to sort.</source>
        <translation>共%1家企业。点击列标题可排序。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/enterprises.py" line="234"/>
        <source>%1 of %2 enterprises match the filters.</source>
        <translation>%2家企业中有%1家符合筛选条件。</translation>
    </message>
</context>
<context>
    <name>EnterprisesPerYearChart</name>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="73"/>
        <source>%1 got %2 of the %3 large enterprises built in %4–%5</source>
        <translation>%4–%5年兴建的%3家大型企业中，%1有%2家</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="76"/>
        <source>%1 large enterprises were built in %2–%3</source>
        <translation>%2–%3年共兴建%1家大型企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="80"/>
        <source>Each block is one enterprise, placed by the year it was built; colour shows its city</source>
        <translation>每一格代表一家企业，按建厂年份排列；颜色表示所在城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="84"/>
        <source>%1 (%2)</source>
        <translation>%1（%2家）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="145"/>
        <source>Year built</source>
        <translation>建厂年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="145"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="145"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="146"/>
        <source>Size class</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="146"/>
        <source>Industry (from the name)</source>
        <translation>行业（据厂名）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="163"/>
        <source>%1: %2 – %3</source>
        <translation>%1年：%2家——%3</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/enterprises.py" line="170"/>
        <source>Stacked bar chart</source>
        <translation>堆积条形图</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../czt_desktop/ui/models/event_table.py" line="29"/>
        <source>Date</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/event_table.py" line="30"/>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/event_table.py" line="31"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/models/event_table.py" line="32"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/filter_bar.py" line="69"/>
        <source>Search (Chinese or English)</source>
        <translation>搜索（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/filter_bar.py" line="71"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/filter_bar.py" line="72"/>
        <source>Clear all filters</source>
        <translation>清除全部筛选条件</translation>
    </message>
</context>
<context>
    <name>GdpByCityChart</name>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="85"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="86"/>
        <source>In %1, %2 alone produced more than twice as much as %3 together</source>
        <translation>%1年，%2一市的GDP是%3之和的两倍多</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="88"/>
        <source>In %1, %2 alone produced more than %3 together</source>
        <translation>%1年，%2一市的GDP超过%3之和</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="91"/>
        <source>GDP by city in %1</source>
        <translation>%1年各市GDP</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="94"/>
        <source>Gross domestic product (GDP) in %1, in 100 million yuan</source>
        <translation>%1年地区生产总值（GDP），单位：亿元</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="133"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="134"/>
        <source>GDP %1 (100 million yuan)</source>
        <translation>%1年GDP（亿元）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_by_city.py" line="135"/>
        <source>Where in the paper</source>
        <translation>论文出处</translation>
    </message>
</context>
<context>
    <name>GdpShareChart</name>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="110"/>
        <source>The three cities&apos; shares add up to %1, %2 percentage points less than the %3 the paper gives for the cluster</source>
        <extracomment>Differences below this many percentage points are rounding, not a contradiction.</extracomment>
        <translation>三市占比相加为%1，比论文给出的城市群占比%3少%2个百分点</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="113"/>
        <source>The three cities&apos; shares add up to %1, %2 percentage points more than the %3 the paper gives for the cluster</source>
        <translation>三市占比相加为%1，比论文给出的城市群占比%3多%2个百分点</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="117"/>
        <source>Together the three cities produce %1 of Hunan&apos;s GDP</source>
        <translation>三市合计占湖南省GDP的%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="119"/>
        <source>Shares of Hunan&apos;s GDP</source>
        <translation>占湖南省GDP的比例</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="122"/>
        <source>Share of Hunan Province&apos;s GDP in %1, in per cent</source>
        <translation>%1年占湖南省GDP的比例（%）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="129"/>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="175"/>
        <source>Three cities added up</source>
        <translation>三市相加</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="131"/>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="179"/>
        <source>The cluster, as the paper says</source>
        <translation>城市群（论文数字）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="176"/>
        <source>our sum of the rows above</source>
        <translation>上面三行之和（本表计算）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="183"/>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="184"/>
        <source>Share of Hunan&apos;s GDP %1</source>
        <translation>%1年占湖南省GDP的比例</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/gdp_share.py" line="185"/>
        <source>Where in the paper</source>
        <translation>论文出处</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="94"/>
        <source>Export handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="95"/>
        <source>An A4 PDF to print: the stage&apos;s account, milestones, enterprises, chart, notes on the data and sources.</source>
        <translation>可打印的A4 PDF讲义：阶段概述、大事记、企业、图表、数据说明和资料来源。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="97"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="99"/>
        <source>This stage (%1)</source>
        <translation>本阶段（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="100"/>
        <source>All %n stage(s)</source>
        <translation>
            <numerusform>全部 %n 个阶段</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="101"/>
        <source>Language of the handout</source>
        <translation>讲义语言</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="103"/>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="104"/>
        <source>Choose where to save the PDF</source>
        <translation>选择PDF的保存位置</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="132"/>
        <source>Save handout</source>
        <translation>保存讲义</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="133"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文档（*.pdf）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="144"/>
        <source>Could not save the handout: %1</source>
        <translation>无法保存讲义：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/dialog.py" line="148"/>
        <source>Handout saved: %1</source>
        <translation>讲义已保存：%1</translation>
    </message>
</context>
<context>
    <name>HandoutWriter</name>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="96"/>
        <source>Handout: all %1 stages</source>
        <extracomment>Type sizes (pt) and colours of the page; the body is 10.5 pt (Chinese 五号).</extracomment>
        <translation>讲义：全部%1个阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="99"/>
        <source>Handout: %1</source>
        <translation>讲义：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="120"/>
        <source>Stage %1 of %2</source>
        <translation>第%1阶段（共%2个阶段）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="142"/>
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="157"/>
        <source>Notes on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="173"/>
        <source>Built</source>
        <translation>建厂年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="174"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="175"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="176"/>
        <source>Size class</source>
        <translation>规模类别</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="177"/>
        <source>Industry (from the name)</source>
        <translation>行业（据厂名）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="170"/>
        <source>Enterprises the paper lists, built %1–%2</source>
        <translation>论文列出的企业（%1—%2年建）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="131"/>
        <source>Our summary of %1 of the paper.</source>
        <translation>我们对论文%1的概括。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="134"/>
        <source>The paper&apos;s account</source>
        <translation>论文原文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="201"/>
        <source>%1 got %2 of the %3 enterprises the paper lists, built %4–%5</source>
        <translation>论文列出的%3家企业（%4—%5年建）中，%1有%2家</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="206"/>
        <source>The paper lists %1 enterprises built in %2–%3</source>
        <translation>论文列出%2—%3年建的企业%1家</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="209"/>
        <source>Enterprises the paper lists, by year built and city</source>
        <translation>论文列出的企业：按建厂年份和城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="211"/>
        <source>%1 (%2)</source>
        <translation>%1（%2家）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="221"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="222"/>
        <source>In %1, %2 alone produced more than twice as much as %3 together</source>
        <translation>%1年，%2一市的GDP是%3之和的两倍多</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="225"/>
        <source>In %1, %2 alone produced more than %3 together</source>
        <translation>%1年，%2一市的GDP超过%3之和</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="230"/>
        <source>GDP by city in %1</source>
        <translation>%1年各市GDP</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="231"/>
        <source>Gross domestic product (GDP) in %1, in 100 million yuan</source>
        <translation>%1年地区生产总值（GDP），单位：亿元</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="242"/>
        <source>%1 of the paper&apos;s %2 milestones fall in this stage</source>
        <translation>论文所记%2件大事中，有%1件属于本阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="245"/>
        <source>Milestones the paper gives for each stage</source>
        <translation>论文所记各阶段的大事数量</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="261"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="272"/>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/document.py" line="279"/>
        <source>Sections used: %1</source>
        <translation>所用章节：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/handout/writer.py" line="277"/>
        <source>Page %1 of %2</source>
        <extracomment>Left, top, right, bottom. The bottom margin holds the running title and page number. Qt sizes pictures as if their pixels were screen pixels at this many dpi. A heading (or a chain of them) needs this much of what follows on its page.</extracomment>
        <translation>第%1页，共%2页</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="78"/>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="101"/>
        <source>How to use</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="103"/>
        <source>Pick a stage on the timeline (or press its number, or PageUp / PageDown): every tab below then tells about that stage.</source>
        <translation>在时间轴上选一个阶段（或按它的数字键，或按 PageUp / PageDown）：下面每个标签页都会讲这个阶段。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="105"/>
        <source>Pick a dot or a square on the timeline to read about that milestone or enterprise.</source>
        <translation>点时间轴上的圆点或方块，可以阅读这件大事或这家企业的介绍。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="107"/>
        <source>The tabs: Overview tells the stage&apos;s story; the others show its enterprises, plans, figures, the cities today, problems and ideas, a map, and questions to check yourself.</source>
        <translation>标签页：“概览”讲这个阶段的经过；其他标签页是它的企业、规划与政策、数据、三市现状、问题与对策、地图，以及自我检测的题目。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="110"/>
        <source>Search (Ctrl+F) finds anything, in Chinese or English.</source>
        <translation>搜索（Ctrl+F）可以用中文或英文查找任何内容。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="111"/>
        <source>Under each text, “The paper&apos;s account” opens the paper&apos;s own words, and “Sources and notes” where each fact comes from.</source>
        <translation>每段文字下面，“论文原文”打开论文自己的叙述，“来源与说明”告诉你每个事实出自哪里。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="116"/>
        <source>The timeline&apos;s symbols</source>
        <translation>时间轴上的符号</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="123"/>
        <source>A stage: its years and name; the stages are told in the paper&apos;s section 1.</source>
        <translation>阶段：起止年份和名称；论文第一部分讲述了这些阶段。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="126"/>
        <source>A milestone, in the colour of its stage, at its year.</source>
        <translation>大事：画在它的年份处，颜色与所属阶段相同。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="128"/>
        <source>A milestone the paper dates only to a decade (“the 1950s”): the line ends with a bar.</source>
        <translation>论文只给出年代的大事（如“20世纪50年代”）：线的末端是一道竖线。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="131"/>
        <source>A milestone the paper dates as “after” a year (“after 2000”): the line ends with an arrow.</source>
        <translation>论文记为某年“以后”的大事（如“2000年以后”）：线的末端是箭头。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="137"/>
        <source>An enterprise the paper lists, in %1 (the letter and the colour both say which city).</source>
        <translation>论文列出的企业，位于%1（字和颜色都表示所在城市）。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="145"/>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="152"/>
        <source>%1: the same colour on the timeline, in tables, charts and on the map.</source>
        <translation>%1：在时间轴、表格、图表和地图上都用同一种颜色。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="158"/>
        <source>The cities of the “3+5” ring: %1.</source>
        <translation>“3+5”城市群的外围城市：%1。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="162"/>
        <source>On the map, a number beside a city counts the enterprises of the picked stage there.</source>
        <translation>地图上，城市旁的数字是所选阶段在这座城市的企业数。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/help_dialog.py" line="165"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>ItemKinds</name>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="87"/>
        <source>Stage</source>
        <extracomment>The context the item kinds&apos; names are translated in. ``&quot;module:Class&quot;`` of its :class:`~czt_desktop.ui.panes.base.Pane`. The pane it is shown in, and the place in that pane (None: the pane&apos;s only one). The pane that tells about such an item (the search and the timeline open it). Its name in the search results (English source; translated in KIND_CONTEXT). How it ranks among search hits that match equally well. Panes that list such items too: picking one there keeps the reader there. Where a reader starts (the window&apos;s first tab, a kiosk&apos;s home).</extracomment>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="88"/>
        <source>Milestone</source>
        <translation>大事</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="90"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="91"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="93"/>
        <source>Innovation base</source>
        <translation>创新基地</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="94"/>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="95"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="96"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="97"/>
        <source>Strategy</source>
        <translation>对策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="99"/>
        <source>City cluster</source>
        <translation>城市群</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="100"/>
        <source>From the paper</source>
        <translation>论文原文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/catalogue.py" line="101"/>
        <source>Note on the data</source>
        <translation>数据说明</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="74"/>
        <source>&amp;File</source>
        <extracomment>The window&apos;s method the command runs.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="83"/>
        <source>&amp;Export view as image…</source>
        <extracomment>Keys are QKeySequence strings or ``std:Name`` for a platform&apos;s standard key.</extracomment>
        <translation>将当前画面导出为图片(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="85"/>
        <source>Export &amp;handout (PDF)…</source>
        <translation>导出讲义 PDF(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="87"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="75"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="88"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="76"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="90"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="92"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="94"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="96"/>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="98"/>
        <source>&amp;Present to the class</source>
        <translation>向全班演示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="77"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="100"/>
        <source>&amp;Start here (the big picture)</source>
        <translation>从这里开始（全局概览）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="102"/>
        <source>&amp;Previous stage</source>
        <translation>上一阶段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="104"/>
        <source>&amp;Next stage</source>
        <translation>下一阶段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="106"/>
        <source>&amp;Start here</source>
        <translation>从这里开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="108"/>
        <source>&amp;How to use and symbols</source>
        <translation>使用说明与符号(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="507"/>
        <source>Switch language: %1</source>
        <extracomment>Emitted after :meth:`reset_to_home` (a kiosk&apos;s idle reset clears quiz answers too). Open on the start screen once built (the first run; see show_start).</extracomment>
        <translation>切换语言：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="517"/>
        <source>Details</source>
        <translation>详细内容</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="631"/>
        <source>Go to a stage (when no text field has the cursor)</source>
        <translation>转到某个阶段（光标不在文本框中时）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="760"/>
        <source>Export view as image</source>
        <translation>将当前画面导出为图片</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="761"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="749"/>
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="778"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/main_window.py" line="794"/>
        <source>The content folder “%1” has %n problem(s), so the bundled content is shown.</source>
        <translation>
            <numerusform>内容文件夹“%1”有 %n 处问题，因此显示的是内置内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="512"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="78"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="110"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/main_window.py" line="798"/>
        <source>Some saved settings could not be used (%1); defaults were used.</source>
        <translation>部分已保存的设置无法使用（%1），已改用默认设置。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/main_window.py" line="800"/>
        <source>Ignored unknown command-line option(s): %1</source>
        <translation>
            <numerusform>已忽略无法识别的命令行参数：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="61"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="72"/>
        <source>The “3+5” city cluster</source>
        <translation>“3+5”城市群</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="73"/>
        <source>“3+5” ring city</source>
        <translation>“3+5”外围城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="74"/>
        <source>≈ %1 km</source>
        <translation>约%1 km</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="77"/>
        <source>Core city</source>
        <translation>核心城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="80"/>
        <source>Science and innovation base</source>
        <translation>科技创新基地</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="76"/>
        <source>Choose a city on the map to see the industries it focuses on.</source>
        <translation>在地图上选择一个城市，查看它重点发展的产业。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="79"/>
        <source>Industries it focuses on</source>
        <translation>重点发展的产业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="81"/>
        <source>The paper names no industries this city focuses on.</source>
        <translation>论文没有列出这个城市重点发展的产业。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="82"/>
        <source>Straight line to %1: %2</source>
        <translation>到%1的直线距离：%2</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="83"/>
        <source>Distances between the three cities</source>
        <translation>三市之间的距离</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="84"/>
        <source>Straight lines between the city centres given by GeoNames.</source>
        <translation>按 GeoNames 给出的城市中心点计算的直线距离。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="85"/>
        <source>The paper says</source>
        <translation>论文的说法</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="87"/>
        <source>Cities on the map</source>
        <translation>地图上的城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="88"/>
        <source>Core cities</source>
        <translation>核心城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="89"/>
        <source>Ring cities</source>
        <translation>外围城市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="90"/>
        <source>North is up. No river is drawn: the paper gives no course for it.</source>
        <translation>地图上方为北。图中没有画河流：论文没有给出河道的走向。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="91"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="92"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="93"/>
        <source>From the paper</source>
        <translation>论文原文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="94"/>
        <source>Note on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="103"/>
        <source>The three cities</source>
        <translation>长株潭三市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="106"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="107"/>
        <source>The three cities (see left)</source>
        <translation>长株潭三市（见左图）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="111"/>
        <source>Map of the cities</source>
        <translation>城市地图</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="113"/>
        <source>The cities are buttons; the text beside the map describes everything it shows.</source>
        <translation>每个城市都是一个按钮；地图旁边的文字说明了地图上的全部内容。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/map_pane.py" line="115"/>
        <source>About the map</source>
        <translation>关于地图</translation>
    </message>
</context>
<context>
    <name>MilestonesPerStageChart</name>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="63"/>
        <source>Most milestones came in %1 (%2): %3 of %4</source>
        <translation>%1年（%2）的大事最多：%4件中占%3件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="66"/>
        <source>%1 milestones in %2 stages</source>
        <translation>%2个阶段共%1件大事</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="69"/>
        <source>Number of milestones the paper gives for each stage</source>
        <translation>论文所记各阶段的大事数量</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="120"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="120"/>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="120"/>
        <source>Milestones</source>
        <translation>大事数量</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/charts/milestones.py" line="130"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2年）：%3件</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../czt_desktop/ui/notice_banner.py" line="63"/>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/notice_banner.py" line="64"/>
        <location filename="../../czt_desktop/ui/notice_banner.py" line="65"/>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="92"/>
        <source>Overview</source>
        <extracomment>The whole page is about the picked stage: no band above it. The labels a test or a screen reader looks for, rebuilt with the page.</extracomment>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="172"/>
        <source>Our summary of %1 of the paper</source>
        <translation>我们对论文%1的概括</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="177"/>
        <source>The paper&apos;s account (%1)</source>
        <translation>论文原文（%1）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="188"/>
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="194"/>
        <source>Enterprises the paper lists</source>
        <translation>论文列出的企业</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/overview.py" line="204"/>
        <source>Sources and notes (%n)</source>
        <translation>
            <numerusform>来源与说明（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="231"/>
        <source>Stage %1 of %2</source>
        <translation>第%1阶段（共%2个阶段）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="261"/>
        <source>The paper&apos;s account</source>
        <translation>论文原文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/overview.py" line="333"/>
        <source>Where it leads next</source>
        <translation>下一阶段</translation>
    </message>
</context>
<context>
    <name>PaneWords</name>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="25"/>
        <source>Source</source>
        <extracomment>How a text is translated: ``QCoreApplication.translate`` (the UI&apos;s language), or a handout&apos;s own catalogue (a handout may be printed in another language than the UI&apos;s).</extracomment>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="29"/>
        <source>Note on the data</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="34"/>
        <source>%1 (in full above)</source>
        <translation>%1（全文见上）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="40"/>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="41"/>
        <source>Introduction</source>
        <translation>引言</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="65"/>
        <source>large</source>
        <translation>大型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="66"/>
        <source>large, grade 1</source>
        <translation>大一型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="79"/>
        <source>idea</source>
        <translation>构想</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="80"/>
        <source>national context</source>
        <translation>国家背景</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="81"/>
        <source>state projects</source>
        <translation>国家项目</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="82"/>
        <source>motion</source>
        <translation>议案</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="83"/>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="84"/>
        <source>plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="85"/>
        <source>body set up</source>
        <translation>机构成立</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="86"/>
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="87"/>
        <source>designation</source>
        <translation>获批</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="88"/>
        <source>construction</source>
        <translation>开工建设</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="89"/>
        <source>study</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/words.py" line="90"/>
        <source>statement</source>
        <translation>表述</translation>
    </message>
</context>
<context>
    <name>PenOverlay</name>
    <message>
        <location filename="../../czt_desktop/ui/presentation/pen.py" line="122"/>
        <source>Pen on · P to stop · C to clear</source>
        <extracomment>Ink colours from the Okabe–Ito set: vermilion reads on paper and on a washed-out projector; yellow under a multiply blend leaves the text beneath fully legible. Stroke widths at 1024×768 (scaled with the screen). Pointer ids of the devices that are not touch points. Strokes being drawn, by pointer (mouse, tablet, or a touch point&apos;s id).</extracomment>
        <translation>画笔已打开 · 按P关闭 · 按C清除</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/pen.py" line="124"/>
        <source>Highlighter on · H to stop · C to clear</source>
        <translation>荧光笔已打开 · 按H关闭 · 按C清除</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/pen.py" line="129"/>
        <source>Drawing layer</source>
        <translation>画笔层</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="166"/>
        <source>Staff only</source>
        <extracomment>Text colour of &quot;wrong PIN&quot; messages (≥ 4.5:1 on the paper colour). The locked pad&apos;s countdown is refreshed this often (ms).</extracomment>
        <translation>仅限工作人员</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="167"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="168"/>
        <source>Delete the last digit</source>
        <translation>删除最后一位数字</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="169"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="170"/>
        <source>Check the PIN</source>
        <translation>核对密码</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="173"/>
        <source>Staff PIN pad</source>
        <translation>工作人员密码键盘</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="304"/>
        <source>PIN: %1 digit(s) entered</source>
        <translation>密码：已输入 %1 位</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="314"/>
        <source>No staff PIN has been set, so the kiosk cannot be left from the screen. To set one, run this on the kiosk computer, then tap the corner again:</source>
        <translation>尚未设置工作人员密码，因此无法从屏幕上退出展台模式。如需设置，请在展台电脑上运行下面的命令，然后再次点击屏幕角落：</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="317"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="319"/>
        <source>Enter the staff PIN to leave the kiosk.</source>
        <translation>请输入工作人员密码以退出展台模式。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="320"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="322"/>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>密码错误次数过多，请在 %1 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/kiosk/pin_pad.py" line="325"/>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>密码错误。还可尝试 %1 次</translation>
    </message>
</context>
<context>
    <name>PlansPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="117"/>
        <source>Plans and policies</source>
        <extracomment>The stage filter follows the timeline until the reader picks another filter.</extracomment>
        <translation>规划与政策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="121"/>
        <source>Search plans and events</source>
        <translation>搜索规划和事件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="122"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="123"/>
        <source>Filter by stage</source>
        <translation>按阶段筛选</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="124"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="125"/>
        <source>Filter by kind</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="126"/>
        <source>Plans, policies and other dated events</source>
        <translation>规划、政策及其他有日期的事件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="127"/>
        <source>About the chosen event</source>
        <translation>所选事件详情</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="162"/>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="211"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="166"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="212"/>
        <source>Follow the timeline</source>
        <translation>跟随时间轴</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="231"/>
        <source>%1 events in the order the paper dates them. Choose one to read more.</source>
        <translation>共%1个事件，按论文所记时间排列。选择一个可查看详情。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="234"/>
        <source>%1 of %2 events match the filters.</source>
        <translation>%2个事件中有%1个符合筛选条件。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/plans.py" line="294"/>
        <source>Choose a row to read what the paper says about it.</source>
        <translation>选择一行，查看论文对它的记述。</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="40"/>
        <source>→  PgDn  Space  ↓  Enter</source>
        <extracomment>The context the key help is translated in. What the key does; the window runs ``_key_&lt;command&gt;``. How the help writes the keys (``%1``: the number of stages, at most 9). What it does, for the help.</extracomment>
        <translation>→  PgDn  空格  ↓  回车</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="41"/>
        <source>Next slide</source>
        <translation>下一张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="43"/>
        <source>←  PgUp  Backspace  ↑</source>
        <translation>←  PgUp  退格  ↑</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="44"/>
        <source>Previous slide</source>
        <translation>上一张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="47"/>
        <source>Click or tap right / left third</source>
        <translation>点击或轻触屏幕右侧/左侧三分之一</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="48"/>
        <source>Next / previous slide</source>
        <translation>下一张/上一张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="50"/>
        <source>Home  /  End</source>
        <translation>Home  /  End</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="51"/>
        <source>First / last slide</source>
        <translation>第一张/最后一张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="53"/>
        <source>1 – %1</source>
        <translation>1 – %1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="54"/>
        <source>First slide of that stage</source>
        <translation>该阶段的第一张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="56"/>
        <source>B  or  .</source>
        <translation>B  或  .</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="57"/>
        <source>Black screen (again to show the slide)</source>
        <translation>黑屏（再按一次恢复）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="59"/>
        <source>W  or  ,</source>
        <translation>W  或  ,</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="60"/>
        <source>White screen</source>
        <translation>白屏</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="62"/>
        <source>P  /  H</source>
        <translation>P  /  H</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="63"/>
        <source>Pen / highlighter on or off</source>
        <translation>打开或关闭画笔/荧光笔</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="65"/>
        <source>C  or  E</source>
        <translation>C  或  E</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="66"/>
        <source>Clear the drawing</source>
        <translation>清除笔迹</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="68"/>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="69"/>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="71"/>
        <source>F1  /  ?</source>
        <translation>F1  /  ?</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="72"/>
        <source>Show or hide these keys</source>
        <translation>显示或隐藏按键说明</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="74"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/keys.py" line="75"/>
        <source>End the presentation</source>
        <translation>结束演示</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="524"/>
        <source>Slide %1 of %2</source>
        <extracomment>The projector the type sizes are set for; larger screens scale everything up. Charts&apos; type scale at 1024×768, in per cent of the app&apos;s 100 % (chart titles 25 px, labels 18-20 px). A chart whose texts leave no room for its plot at that size steps down to no less than ``CHART_MIN_PERCENT`` rather than being cut off. The mouse pointer disappears after this long without moving (it distracts on a slide). A wheel &quot;notch&quot;; trackpads send fractions of it. Esc (or the window was closed): the classroom mode goes back to the main window. L: switch the app&apos;s language (the mode asks the main window, which tells us). The index of the slide now shown. Each chart&apos;s type scale, per cent of the projector size (see _fit_chart).</extracomment>
        <translation>第%1张，共%2张</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="537"/>
        <source>Stage %1 of %2</source>
        <translation>第%1阶段（共%2个）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="600"/>
        <source>Our summary of %1 of the paper.</source>
        <translation>我们对论文%1的概括。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="547"/>
        <source>Last slide · Esc ends the presentation</source>
        <translation>最后一张 · 按Esc结束演示</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="550"/>
        <source>Next: %1 · %2</source>
        <translation>下一阶段：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="555"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="560"/>
        <source>English text: our translation.</source>
        <translation>英文为本项目编者的翻译。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="592"/>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="622"/>
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="624"/>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="723"/>
        <source>Presentation keys</source>
        <translation>演示按键</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="727"/>
        <source>Presentation</source>
        <translation>课堂演示</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/presentation/window.py" line="731"/>
        <source>Screen blanked; press B or any arrow key to show the slide</source>
        <translation>屏幕已遮住；按B或任意方向键恢复</translation>
    </message>
</context>
<context>
    <name>QuizPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="222"/>
        <source>Check yourself</source>
        <extracomment>The page is no wider than this many body-text heights (long lines tire the eye).</extracomment>
        <translation>自我检测</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="225"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="226"/>
        <source>Check my answer</source>
        <translation>核对我的答案</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="227"/>
        <source>Check my answer (Ctrl+Enter)</source>
        <translation>核对我的答案（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="228"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="229"/>
        <source>Skip this question</source>
        <translation>跳过这道题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="230"/>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="231"/>
        <source>Retry the ones I missed</source>
        <translation>重做答错的题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="232"/>
        <source>New set</source>
        <translation>换一组题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="233"/>
        <source>Start a new set of questions</source>
        <translation>换一组新题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="234"/>
        <source>Questions about</source>
        <translation>出题范围</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="235"/>
        <source>Which stages the questions are about</source>
        <translation>题目涉及哪些阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="236"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="237"/>
        <source>Feedback</source>
        <translation>答题反馈</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="354"/>
        <source>This stage (%1)</source>
        <translation>本阶段（%1）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="356"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="362"/>
        <source>Put in order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="363"/>
        <source>Which stage?</source>
        <translation>哪个阶段？</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="364"/>
        <source>Which city?</source>
        <translation>哪个城市？</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="365"/>
        <source>Rank the cities</source>
        <translation>城市排名</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="366"/>
        <source>Which year?</source>
        <translation>哪一年？</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="375"/>
        <source>%1 of %2 right</source>
        <translation>答对%1题，共%2题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="382"/>
        <source>Your saved answers could not be read, so the self-check starts afresh.</source>
        <translation>无法读取保存的答题记录，自我检测将重新开始。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="399"/>
        <source>Second try: question %1 of %2</source>
        <translation>重做：第%1题，共%2题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="400"/>
        <source>Question %1 of %2</source>
        <translation>第%1题，共%2题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="409"/>
        <source>Move an item with its arrow buttons, or select it and press Alt+Up or Alt+Down.</source>
        <translation>用箭头按钮移动各项，或选中一项后按 Alt+↑ 或 Alt+↓。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="415"/>
        <source>See my score</source>
        <translation>查看得分</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="416"/>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="430"/>
        <source>No questions here yet</source>
        <translation>这里还没有题目</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="431"/>
        <source>Choose all stages to get questions.</source>
        <translation>请选择“全部阶段”来出题。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="433"/>
        <source>You got %1 of %2 right.</source>
        <translation>共%2题，你答对了%1题。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="436"/>
        <source>Try the ones you missed again, or start a new set.</source>
        <translation>重做答错的题，或者换一组新题。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="437"/>
        <source>Every answer is right! Start a new set for more questions.</source>
        <translation>全部答对！换一组题继续练习吧。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="451"/>
        <source>Right!</source>
        <translation>答对了！</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="453"/>
        <source>Skipped.</source>
        <translation>已跳过。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="455"/>
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="465"/>
        <source>The right answer: %1</source>
        <translation>正确答案：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="491"/>
        <source>Choice %1 of %2: %3</source>
        <translation>选项%1（共%2项）：%3</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="542"/>
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="544"/>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="560"/>
        <source>Place %1 of %2: %3</source>
        <translation>第%1位（共%2项）：%3</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="562"/>
        <source>Move up: %1</source>
        <translation>上移：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="563"/>
        <source>Move down: %1</source>
        <translation>下移：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="567"/>
        <source>Right place</source>
        <translation>位置正确</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="568"/>
        <source>Belongs in place %1</source>
        <translation>应在第%1位</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/quiz.py" line="570"/>
        <source>Alt+Up or Alt+Down moves it</source>
        <translation>按 Alt+↑ 或 Alt+↓ 移动</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="365"/>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="366"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="368"/>
        <source>Type a word, a name or a year; press Down to go to the results.</source>
        <translation>输入词语、名称或年份；按向下方向键进入搜索结果。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="369"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="393"/>
        <source>Results: %1</source>
        <translation>结果：%1 条</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/search_box.py" line="395"/>
        <source>No results for “%1”.</source>
        <translation>没有找到与“%1”相关的内容。</translation>
    </message>
</context>
<context>
    <name>SettingsKeeper</name>
    <message>
        <location filename="../../czt_desktop/ui/keeper.py" line="108"/>
        <source>Your settings could not be saved (%1).</source>
        <extracomment>How long after the last change the settings are saved (ms). How long a message about a failed save stays in the status bar (ms). Saves done by the keeper (for the tests and the log).</extracomment>
        <translation>无法保存你的设置（%1）。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/keeper.py" line="144"/>
        <source>Your answers could not be saved (%1).</source>
        <translation>无法保存你的答题记录（%1）。</translation>
    </message>
</context>
<context>
    <name>StageLensWords</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="31"/>
        <source>Stage %1 of %2 · %3 · %4</source>
        <translation>第%1阶段（共%2个）· %3 · %4</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="42"/>
        <source>The paper lists no enterprises.</source>
        <translation>论文没有列出企业。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="48"/>
        <source>All %n enterprise(s) the paper lists were built in this stage, %1–%2.</source>
        <translation>
            <numerusform>论文列出的%n家企业都建于这一阶段（%1—%2年）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="59"/>
        <source>%1 of the %n enterprise(s) the paper lists were built in this stage, %2–%3; the table shows them all.</source>
        <translation>
            <numerusform>论文列出的%n家企业中，有%1家建于这一阶段（%2—%3年）；表中列出全部企业。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="73"/>
        <source>None of the %n enterprise(s) the paper lists were built in this stage: all were built in %1–%2, in stage %3 (%4).</source>
        <translation>
            <numerusform>论文列出的%n家企业都不是这一阶段建的：它们都建于%1—%2年，即第%3阶段（%4）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="85"/>
        <source>None of the %n enterprise(s) the paper lists were built in this stage: they were built in %1–%2.</source>
        <translation>
            <numerusform>论文列出的%n家企业都不是这一阶段建的：它们建于%1—%2年。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="97"/>
        <source>Showing the %n milestone(s) of this stage: plans, documents and events.</source>
        <translation>
            <numerusform>显示这一阶段的%n件大事：规划、文件和事件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="102"/>
        <source>Showing %n milestone(s) chosen with the lists below, not only this stage&apos;s.</source>
        <translation>
            <numerusform>显示按下面的选项筛选出的%n件大事，不只是这一阶段的。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="112"/>
        <source>%n figure(s) the paper gives for this stage come first, marked in the stage&apos;s colour.</source>
        <translation>
            <numerusform>论文给出的这一阶段的%n个数据排在前面，用这一阶段的颜色标出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="122"/>
        <source>The paper gives no figures for this stage; below are all its figures, the latest for %1.</source>
        <translation>论文没有给出这一阶段的数据；下面是论文的全部数据，最新的是%1年的。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="127"/>
        <source>The paper gives no figures for this stage; below are all its figures.</source>
        <translation>论文没有给出这一阶段的数据；下面是论文的全部数据。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="135"/>
        <source>What this stage led to, in the paper&apos;s words: %1</source>
        <translation>这一阶段带来了什么，用论文的话说：%1</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="142"/>
        <source>Below, the three cities as the paper describes them at the time of writing, with figures for 2019.</source>
        <translation>下面是论文写作时所描述的三座城市，以及2019年的数据。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="150"/>
        <source>The paper names these problems at the time of writing, about 40 years after the cluster was proposed in the 1980s.</source>
        <translation>这些问题是论文写作时指出的，距20世纪80年代提出城市群约40年。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="154"/>
        <source>This stage came before that.</source>
        <translation>这一阶段在那之前。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="156"/>
        <source>This stage is part of those years.</source>
        <translation>这一阶段属于这段时间。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../czt_desktop/ui/panes/lens.py" line="171"/>
        <source>The numbers by the cities: the %n enterprise(s) of this stage the paper lists, by city (%1).</source>
        <translation>
            <numerusform>城市旁的数字：论文列出的这一阶段的%n家企业，按城市计（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="179"/>
        <source>The paper places no milestone of this stage at one city: the map shows where the cities lie.</source>
        <translation>论文没有把这一阶段的大事落在某一座城市：地图显示各城市的位置。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="186"/>
        <source>Questions about all the stages; choose “This stage” below for questions about this one only.</source>
        <translation>关于所有阶段的题目；在下面选择“本阶段”，只做这一阶段的题目。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/lens.py" line="189"/>
        <source>Questions about this stage; the questions change with the stage.</source>
        <translation>关于这一阶段的题目；换一个阶段，题目也会换。</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="166"/>
        <source>From the paper</source>
        <extracomment>The paper&apos;s sentences on how the cities lie (its introduction), by content id. A stage&apos;s line was chosen: show the timeline and panes at that stage. &quot;How to use&quot; was chosen.</extracomment>
        <translation>摘自论文</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="172"/>
        <source>of Hunan&apos;s land</source>
        <translation>湖南省的土地面积</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="174"/>
        <source>of Hunan&apos;s people</source>
        <translation>湖南省的人口</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="176"/>
        <source>of Hunan&apos;s GDP in %1</source>
        <translation>%1年湖南省的地区生产总值</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="177"/>
        <source>of Hunan&apos;s GDP</source>
        <translation>湖南省的地区生产总值</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="203"/>
        <location filename="../../czt_desktop/ui/start_screen.py" line="302"/>
        <source>Start here: the big picture</source>
        <translation>从这里开始：全局概览</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="219"/>
        <source>Sketch of where the three cities lie</source>
        <translation>三座城市位置示意图</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="237"/>
        <source>Their share of Hunan Province</source>
        <translation>在湖南省中所占的份额</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="255"/>
        <source>%1 stages, %2–%3</source>
        <translation>%1个阶段，%2—%3年</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="283"/>
        <source>Start with stage 1, %1 →</source>
        <translation>从第1阶段开始：%1 →</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/start_screen.py" line="294"/>
        <source>How to use and what the symbols mean</source>
        <translation>使用说明和符号含义</translation>
    </message>
</context>
<context>
    <name>StatisticsPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="78"/>
        <source>Statistics</source>
        <extracomment>Chart places, by name: the GDP of each city, and each city&apos;s share of Hunan&apos;s GDP. The picked stage&apos;s figures come first (the page is built again for each stage). Each section&apos;s note cards by section key, for tests and screen readers. Per section: its widget and card grid; per figure: its (hidden) stage mark.</extracomment>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="133"/>
        <source>Gross domestic product (GDP)</source>
        <translation>地区生产总值（GDP）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="134"/>
        <source>Share of Hunan Province&apos;s GDP</source>
        <translation>占湖南省GDP的比例</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="135"/>
        <source>Land, people and output</source>
        <translation>土地、人口与生产总值</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="136"/>
        <source>Other figures in the paper</source>
        <translation>论文中的其他数字</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="150"/>
        <source>Figures from the paper</source>
        <translation>论文中的数字</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="151"/>
        <source>Each figure as the paper prints it, with the year it is for and where in the paper it is.</source>
        <translation>每个数字都按论文原样列出，并注明所属年份和在论文中的位置。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="248"/>
        <source>Stage %1 · %2</source>
        <translation>第%1阶段 · %2</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="233"/>
        <source>No year given in the paper</source>
        <translation>论文未注明年份</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/statistics.py" line="256"/>
        <source>Source of the figures: %1</source>
        <translation>数字来源：%1</translation>
    </message>
</context>
<context>
    <name>TimelineTexts</name>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="21"/>
        <source>Timeline, %1–%2</source>
        <translation>时间轴，%1–%2</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="25"/>
        <source>The stages and what happened in them. Left and Right arrow keys choose a stage, Tab moves to its events and enterprises, Enter shows one. Plus and minus zoom.</source>
        <translation>各个阶段及其中发生的事。左右方向键选择阶段，Tab 键进入该阶段的事件和企业，回车键显示所选项。加号和减号键缩放。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="31"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="34"/>
        <source>Events and enterprises</source>
        <translation>事件和企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="38"/>
        <source>Stage %1, %2, %3</source>
        <translation>第%1阶段，%2，%3</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="44"/>
        <source>Events: %1. Enterprises built: %2.</source>
        <translation>事件：%1项。所建企业：%2家。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="45"/>
        <source>Events: %1.</source>
        <translation>事件：%1项。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="67"/>
        <source>Stage: %1 (%2)</source>
        <translation>阶段：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="78"/>
        <source>Idea</source>
        <translation>构想</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="79"/>
        <source>National context</source>
        <translation>国家背景</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="80"/>
        <source>Key projects</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="81"/>
        <source>Proposal</source>
        <translation>议案</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="82"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="83"/>
        <source>New body</source>
        <translation>机构成立</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="84"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="85"/>
        <source>Statement</source>
        <translation>提法</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="86"/>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="87"/>
        <source>Construction</source>
        <translation>建设</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="88"/>
        <source>Designation</source>
        <translation>获批与列入</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="89"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="96"/>
        <source>%1 (built %2)</source>
        <translation>%1（%2年建）</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="102"/>
        <source>large enterprise</source>
        <translation>大型企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="103"/>
        <source>“large, grade 1” enterprise</source>
        <translation>大一型企业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/timeline/texts.py" line="116"/>
        <source>Source: %1, %2</source>
        <translation>来源：%1，%2</translation>
    </message>
</context>
<context>
    <name>TodayPane</name>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="46"/>
        <source>Today</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="74"/>
        <source>The three cities today</source>
        <translation>三市现状</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="75"/>
        <source>As the paper describes them at the time it was written.</source>
        <translation>以论文写作时的描述为准。</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="80"/>
        <source>In the paper&apos;s words</source>
        <translation>论文原话</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="120"/>
        <source>Industries it focuses on</source>
        <translation>重点发展的产业</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="125"/>
        <source>Science and innovation base</source>
        <translation>科技创新基地</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="155"/>
        <source>The “3+5” city cluster</source>
        <translation>“3+5城市群”</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="164"/>
        <source>The three at the centre</source>
        <translation>中心三市</translation>
    </message>
    <message>
        <location filename="../../czt_desktop/ui/panes/today.py" line="168"/>
        <source>The five around them</source>
        <translation>周边五市</translation>
    </message>
</context>
</TS>
