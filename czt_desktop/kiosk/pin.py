"""The staff PIN: stored only as a salted PBKDF2-HMAC-SHA256 hash, checked in constant
time, and locked after five wrong tries, for longer each time (1 min, 5 min, 15 min,
then 1 h), in a way a restart does not undo.

A 6–12 digit PIN has few possibilities, so the hash only slows down someone who has
copied the config file; what really protects the kiosk is that the file is readable by
its owner only and that the pad locks after five wrong tries. New PINs need at least 6
digits; a 4- or 5-digit PIN set by an earlier version still works until it is changed.

The lockout is kept in ``kiosk-lockout.json`` beside ``kiosk.json`` (wrong tries in a
row, how many lockouts since the last right PIN, and until when the pad is locked, as
wall-clock time), so switching the kiosk off and on does not reset it. Within one run
the lock is timed with the monotonic clock (changing the system clock does not shorten
it); across a restart, a clock set back cannot stretch a lockout beyond its length, and
a clock set forward only ends it early.

Why PBKDF2 and not scrypt (which earlier versions wrote, and which is still accepted):
scrypt needs 16 MB for one check. glibc serves that with mmap and, when it is freed,
raises its mmap threshold to 16 MB, so from then on the kiosk's large image buffers
come from the heap, which fragments and never shrinks: one wrong PIN left the kiosk
≈16 MB bigger for good. PBKDF2 needs no memory; 600,000 rounds (OWASP's figure for
SHA-256) take ≈0.25 s here, once, when staff press OK.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import json
import logging
import math
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger("czt.kiosk")

#: The shortest PIN the pad accepts (PINs set by earlier versions may have 4 digits).
PIN_MIN_DIGITS = 4
#: The shortest PIN ``czt-desktop kiosk-pin`` sets.
NEW_PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
#: Wrong PINs in a row that lock the pad.
MAX_WRONG_PINS = 5
#: How long each lockout lasts: the first, the second, …; the last one repeats.
LOCKOUT_STEPS: tuple[float, ...] = (60.0, 300.0, 900.0, 3600.0)
LOCKOUT_SECONDS = LOCKOUT_STEPS[0]
#: After this long without a wrong PIN, the next lockout is a short one again.
ESCALATION_RESET_SECONDS = 24 * 3600.0
LOCKOUT_FILE_NAME = "kiosk-lockout.json"

# What the lock reports to its ``on_event`` (the usage log's event kinds).
PIN_WRONG = "pin-wrong"
PIN_LOCKOUT = "pin-lockout"
PIN_ACCEPTED = "pin-accepted"

SALT_BYTES = 16
HASH_BYTES = 32
#: ≈0.25 s on the 2-core machine this was measured on: short enough for the GUI thread.
PBKDF2_ITERATIONS = 600_000

_DIGITS = re.compile(r"[0-9]+")


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a staff PIN typed on the pad, or None (digit keys only)."""
    if not _DIGITS.fullmatch(pin):
        return "the PIN must be digits 0-9 only"
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"the PIN must have {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits"
    return None


def new_pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be set as a new staff PIN, or None (6–12 digits)."""
    if not _DIGITS.fullmatch(pin):
        return "the PIN must be digits 0-9 only"
    if not NEW_PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"the PIN must have {NEW_PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits"
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    """Checks hashes of earlier versions (``scrypt$n$r$p$salt$hash``)."""
    # maxmem: scrypt needs 128·n·r bytes; OpenSSL's default cap (32 MB) is too tight
    # for a hash written with a larger n.
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 1024 * 1024, dklen=length)


def hash_pin(pin: str, *, salt: bytes | None = None,
             iterations: int = PBKDF2_ITERATIONS) -> str:
    """``pbkdf2_sha256$iterations$salt$hash`` (salt and hash in base64)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations, HASH_BYTES)
    return f"pbkdf2_sha256${iterations}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[str, tuple[int, ...], bytes, bytes] | None:
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or n > 2**20:
                return None
            params: tuple[int, ...] = (n, r, p)
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            params = (int(parts[1]),)
            if not 1_000 <= params[0] <= 10_000_000:
                return None
        else:
            return None
        salt = base64.b64decode(parts[-2], validate=True)
        digest = base64.b64decode(parts[-1], validate=True)
    except (ValueError, binascii.Error):
        return None
    if len(salt) < 8 or len(digest) < 16:
        return None
    return parts[0], params, salt, digest


def is_pin_hash(stored: str) -> bool:
    """Whether ``stored`` looks like a hash :func:`hash_pin` wrote."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; compares digests in constant time."""
    parsed = _parse(stored)
    if parsed is None or pin_problem(pin):
        return False
    scheme, params, salt, digest = parsed
    if scheme == "scrypt":
        n, r, p = params
        candidate = _scrypt(pin, salt, n, r, p, len(digest))
    else:
        candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, params[0],
                                        len(digest))
    return hmac.compare_digest(candidate, digest)


class PinResult(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no-pin"


def lockout_state_path(config_path: Path) -> Path:
    """Where the lockout of the kiosk configured by ``config_path`` is kept."""
    return Path(config_path).with_name(LOCKOUT_FILE_NAME)


class PinLock:
    """Checks PINs against a hash; after ``max_wrong`` wrong ones in a row it refuses
    every PIN, right or wrong, for the next of ``lockout_steps`` (the last repeats).

    ``state_path``: the file that keeps the lockout across restarts (None: memory only).
    ``on_event(kind, detail)`` hears of every wrong PIN (:data:`PIN_WRONG`), lockout
    (:data:`PIN_LOCKOUT`) and right PIN (:data:`PIN_ACCEPTED`); the kiosk passes its
    usage log's ``note``. ``clock`` (monotonic) and ``wall_clock`` are injectable for
    tests.
    """

    def __init__(self, pin_hash: str, *, clock: Callable[[], float] = time.monotonic,
                 max_wrong: int = MAX_WRONG_PINS,
                 lockout_steps: Sequence[float] = LOCKOUT_STEPS,
                 state_path: Path | None = None,
                 wall_clock: Callable[[], float] = time.time,
                 on_event: Callable[[str, str], None] | None = None) -> None:
        self.pin_hash = pin_hash if is_pin_hash(pin_hash) else ""
        self.clock = clock
        self.wall_clock = wall_clock
        self.max_wrong = max_wrong
        self.lockout_steps = tuple(lockout_steps) or LOCKOUT_STEPS
        self.state_path = state_path
        self.on_event = on_event
        self._wrong = 0
        #: Lockouts since the last right PIN (which step the next one takes).
        self._lockouts = 0
        self._last_wrong_wall: float | None = None
        self._locked_until: float | None = None  # monotonic
        self._state_problem_logged = False
        self._restore()

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)

    @property
    def lockouts(self) -> int:
        """Lockouts since the last right PIN."""
        return self._lockouts

    def set_hash(self, pin_hash: str) -> None:
        """A new hash from the config file (the lock state stays: no way round it)."""
        self.pin_hash = pin_hash if is_pin_hash(pin_hash) else ""

    def locked_for(self) -> float:
        """Seconds until PINs are accepted again; 0 when not locked."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self.clock()
        if left <= 0:
            self._locked_until = None
            self._wrong = 0
            return 0.0
        return left

    @property
    def attempts_left(self) -> int:
        self.locked_for()  # ends an expired lock
        return self.max_wrong - self._wrong

    def next_lockout_seconds(self) -> float:
        """How long the next lockout would last."""
        return self.lockout_steps[min(self._lockouts, len(self.lockout_steps) - 1)]

    def check(self, pin: str) -> PinResult:
        if not self.has_pin:
            return PinResult.NO_PIN
        if self.locked_for() > 0:
            return PinResult.LOCKED
        if verify_pin(pin, self.pin_hash):
            self._wrong = 0
            self._lockouts = 0
            self._last_wrong_wall = None
            self._save()
            self._event(PIN_ACCEPTED, "")
            return PinResult.ACCEPTED
        now_wall = self.wall_clock()
        if self._last_wrong_wall is not None and \
                not 0 <= now_wall - self._last_wrong_wall <= ESCALATION_RESET_SECONDS:
            self._lockouts = 0  # a quiet day (or a clock gone wild): start short again
        self._last_wrong_wall = now_wall
        self._wrong += 1
        log.warning("wrong staff PIN on the kiosk (%d of %d before a lockout)", self._wrong,
                    self.max_wrong)
        self._event(PIN_WRONG, f"{self._wrong}/{self.max_wrong}")
        if self._wrong >= self.max_wrong:
            seconds = self.next_lockout_seconds()
            self._lockouts += 1
            self._wrong = 0
            self._locked_until = self.clock() + seconds
            log.warning("kiosk PIN pad locked for %.0f s after %d wrong PINs (lockout %d)",
                        seconds, self.max_wrong, self._lockouts)
            self._save(locked_seconds=seconds)
            self._event(PIN_LOCKOUT, f"{seconds:.0f}")
            return PinResult.LOCKED
        self._save()
        return PinResult.WRONG

    # -- the state file ----------------------------------------------------------------------
    def _event(self, kind: str, detail: str) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(kind, detail)
        except Exception:  # a record that cannot be written never opens the kiosk
            log.exception("recording the PIN event %s failed", kind)

    def _save(self, locked_seconds: float | None = None) -> None:
        if self.state_path is None:
            return
        from czt_desktop.atomic import describe_os_error, write_text_atomically

        left = locked_seconds if locked_seconds is not None else self.locked_for()
        state = {
            "wrong": self._wrong,
            "lockouts": self._lockouts,
            "last_wrong": self._last_wrong_wall,
            "locked_until": self.wall_clock() + left if left > 0 else None,
            "locked_seconds": left if left > 0 else None,
        }
        try:
            write_text_atomically(self.state_path, json.dumps(state) + "\n", mode=0o600)
        except OSError as exc:
            if not self._state_problem_logged:
                log.warning("cannot keep the PIN lockout in %s (%s): it lasts until the "
                            "kiosk restarts", self.state_path, describe_os_error(exc))
                self._state_problem_logged = True

    def _restore(self) -> None:
        if self.state_path is None:
            return
        from czt_desktop.json_files import JsonFileProblem, read_json, set_aside

        try:
            found = read_json(self.state_path, max_bytes=10_000)
        except JsonFileProblem as problem:
            kept = set_aside(self.state_path)
            log.warning("%s: %s; starting without a lockout%s", self.state_path, problem, kept)
            return
        if found is None:
            return
        state = found[0]
        if not isinstance(state, dict):
            log.warning("%s: line 1: expected a JSON object; starting without a lockout",
                        self.state_path)
            return

        def number(key: str) -> float | None:
            value = state.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float) or \
                    not math.isfinite(value) or value < 0:
                return None
            return float(value)

        self._wrong = min(int(number("wrong") or 0), self.max_wrong - 1)
        self._lockouts = min(int(number("lockouts") or 0), 1000)
        self._last_wrong_wall = number("last_wrong")
        until, length = number("locked_until"), number("locked_seconds")
        if until is not None:
            # Never longer than the lockout was, whatever the clock did meanwhile.
            longest = length if length is not None else max(self.lockout_steps)
            left = min(until - self.wall_clock(), longest, max(self.lockout_steps))
            if left > 0:
                self._locked_until = self.clock() + left
                log.warning("kiosk PIN pad still locked for %.0f s (from %s)", left,
                            self.state_path)
