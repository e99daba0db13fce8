"""The staff PIN: stored only as a salted PBKDF2-HMAC-SHA256 hash, checked in constant
time, and locked for a minute after five wrong tries.

A 4–12 digit PIN has few possibilities, so the hash only slows down someone who has
copied the config file; what really protects the kiosk is that the file is readable by
its owner only and that the pad locks after five wrong tries.

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
import os
import re
import time
from collections.abc import Callable

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
#: Wrong PINs in a row that lock the pad, and for how long.
MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 60.0

SALT_BYTES = 16
HASH_BYTES = 32
#: ≈0.25 s on the 2-core machine this was measured on: short enough for the GUI thread.
PBKDF2_ITERATIONS = 600_000

_DIGITS = re.compile(r"[0-9]+")


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a staff PIN, or None (the pad has digit keys only)."""
    if not _DIGITS.fullmatch(pin):
        return "the PIN must be digits 0-9 only"
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"the PIN must have {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits"
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


class PinLock:
    """Checks PINs against a hash; after ``max_wrong`` wrong ones in a row it refuses every
    PIN, right or wrong, for ``lockout_seconds``. ``clock`` is injectable for tests."""

    def __init__(self, pin_hash: str, *, clock: Callable[[], float] = time.monotonic,
                 max_wrong: int = MAX_WRONG_PINS,
                 lockout_seconds: float = LOCKOUT_SECONDS) -> None:
        self.pin_hash = pin_hash if is_pin_hash(pin_hash) else ""
        self.clock = clock
        self.max_wrong = max_wrong
        self.lockout_seconds = lockout_seconds
        self._wrong = 0
        self._locked_until: float | None = None

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)

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

    def check(self, pin: str) -> PinResult:
        if not self.has_pin:
            return PinResult.NO_PIN
        if self.locked_for() > 0:
            return PinResult.LOCKED
        if verify_pin(pin, self.pin_hash):
            self._wrong = 0
            return PinResult.ACCEPTED
        self._wrong += 1
        if self._wrong >= self.max_wrong:
            self._locked_until = self.clock() + self.lockout_seconds
            return PinResult.LOCKED
        return PinResult.WRONG
