#!/usr/bin/env python3
"""Fill translations into a Qt Linguist .ts file from JSON, then report what is missing.

There is no Qt Linguist GUI on a headless machine; this does the same edit. The JSON maps
context (the class that calls ``tr``) to {English source: translation}; a context of
``"*"`` applies to any context.

    python tools/apply_translations.py resources/translations/czt_desktop_zh_CN.ts a.json ...

Run ``make translations`` first (lupdate adds new strings), and again afterwards
(lrelease compiles the .qm). Exits 1 when some message is still untranslated.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def apply(ts_file: Path, catalogues: list[dict[str, dict[str, str]]]) -> list[str]:
    """Write translations into ``ts_file``; returns 'context: source' of those still missing."""
    tree = ET.parse(ts_file)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in {"vanished", "obsolete"}:
                continue
            found = None
            for catalogue in catalogues:
                found = catalogue.get(name, {}).get(source) or catalogue.get("*", {}).get(source)
                if found:
                    break
            if found:
                translation.text = found
                translation.attrib.pop("type", None)
            elif not (translation.text or "").strip() or translation.get("type") == "unfinished":
                missing.append(f"{name}: {source}")
    ET.indent(tree, space="    ")
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return missing


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    catalogues = [json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:]]
    missing = apply(Path(argv[0]), catalogues)
    for entry in missing:
        print(f"untranslated: {entry}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
