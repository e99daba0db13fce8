"""Runs under Debian's /usr/bin/python3 (which has pyatspi), not under the project's venv.

Reads the accessibility tree of the running app the way a screen reader does, prints it
as JSON lines, and optionally presses the control whose name contains a given text.

    /usr/bin/python3 tests/atspi_probe.py APP_NAME [--press TEXT]
"""

import json
import sys
import time

import pyatspi  # Debian package python3-pyatspi


def find_app(name, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name:
                return app
        time.sleep(0.3)
    return None


def walk(node, depth=0, limit=4000):
    stack = [(node, depth)]
    seen = 0
    while stack and seen < limit:
        current, level = stack.pop()
        seen += 1
        try:
            role = current.getRoleName()
            name = current.name or ""
            states = current.getState().getStates()
            children = [current.getChildAtIndex(i) for i in range(current.childCount)]
        except Exception:  # a node that vanished while we read it
            continue
        yield current, role, name, [pyatspi.stateToString(s) for s in states], level
        stack.extend((c, level + 1) for c in reversed(children) if c is not None)


def main():
    app_name = sys.argv[1]
    press = sys.argv[sys.argv.index("--press") + 1] if "--press" in sys.argv else None
    app = find_app(app_name)
    if app is None:
        print(json.dumps({"error": f"no application named {app_name} on the AT-SPI bus"}))
        return 2
    pressed = False
    for node, role, name, states, level in walk(app):
        print(json.dumps({"role": role, "name": name, "states": states, "depth": level},
                         ensure_ascii=False))
        if press and not pressed and press in name:
            action = node.queryAction()
            for index in range(action.nActions):
                if action.getName(index) in ("Press", "press", "click", "SetFocus", "Toggle"):
                    action.doAction(index)
                    pressed = True
                    print(json.dumps({"pressed": name, "action": action.getName(index)},
                                     ensure_ascii=False))
                    break
    return 0


if __name__ == "__main__":
    sys.exit(main())
