"""The staff PIN: salted hash, constant-time check, lockout after five wrong PINs, and the
hidden corner gesture that opens the pad (Qt-free parts)."""

from __future__ import annotations

import pytest

from czt_desktop.kiosk.gesture import TapSequence, in_corner
from czt_desktop.kiosk.pin import (
    LOCKOUT_SECONDS,
    MAX_WRONG_PINS,
    PinLock,
    PinResult,
    hash_pin,
    is_pin_hash,
    pin_problem,
    verify_pin,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("246810")


def test_hash_is_salted_and_hides_the_pin(stored: str) -> None:
    assert stored.startswith("pbkdf2_sha256$600000$")
    assert "246810" not in stored
    assert is_pin_hash(stored)
    assert hash_pin("246810") != stored  # a new salt every time
    assert verify_pin("246810", stored)
    assert not verify_pin("246811", stored)
    assert not verify_pin("", stored)


@pytest.mark.parametrize("bad", ["", "scrypt$1$2$3", "plain-text", "scrypt$16384$8$1$$",
                                 "scrypt$16383$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
                                 "md5$x$y"])
def test_malformed_hashes_never_match(bad: str) -> None:
    assert not is_pin_hash(bad)
    assert not verify_pin("1234", bad)


def test_pbkdf2_hashes_are_understood_too() -> None:
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"4321", salt, 1000, 32)
    stored = (f"pbkdf2_sha256$1000${base64.b64encode(salt).decode()}$"
              f"{base64.b64encode(digest).decode()}")
    assert verify_pin("4321", stored)
    assert not verify_pin("4322", stored)


@pytest.mark.parametrize(("pin", "ok"), [("1234", True), ("123456789012", True),
                                         ("123", False), ("1234567890123", False),
                                         ("12a4", False), ("١٢٣٤", False), (" 1234", False)])
def test_only_4_to_12_ascii_digits_are_pins(pin: str, ok: bool) -> None:
    assert (pin_problem(pin) is None) is ok
    if not ok:
        with pytest.raises(ValueError):
            hash_pin(pin)


def test_right_pin_is_accepted(stored: str) -> None:
    assert PinLock(stored).check("246810") is PinResult.ACCEPTED


def test_no_pin_configured_refuses_everything() -> None:
    lock = PinLock("")
    assert not lock.has_pin
    assert lock.check("1234") is PinResult.NO_PIN
    assert PinLock("garbage").check("1234") is PinResult.NO_PIN


def test_five_wrong_pins_lock_for_a_minute_even_for_the_right_one(stored: str) -> None:
    clock = FakeClock()
    lock = PinLock(stored, clock=clock)
    for attempt in range(MAX_WRONG_PINS - 1):
        assert lock.check("000000") is PinResult.WRONG
        assert lock.attempts_left == MAX_WRONG_PINS - attempt - 1
    assert lock.check("000000") is PinResult.LOCKED
    assert lock.locked_for() == pytest.approx(LOCKOUT_SECONDS)
    clock.now += 30
    assert lock.check("246810") is PinResult.LOCKED  # the right PIN does not help
    assert lock.locked_for() == pytest.approx(30)
    clock.now += 30.5
    assert lock.locked_for() == 0
    assert lock.attempts_left == MAX_WRONG_PINS
    assert lock.check("246810") is PinResult.ACCEPTED


def test_a_right_pin_resets_the_count(stored: str) -> None:
    lock = PinLock(stored, clock=FakeClock())
    for _ in range(MAX_WRONG_PINS - 1):
        lock.check("999999")
    assert lock.check("246810") is PinResult.ACCEPTED
    assert lock.attempts_left == MAX_WRONG_PINS


@pytest.mark.parametrize(("corner", "point", "inside"), [
    ("top-left", (5, 5), True), ("top-left", (500, 5), False),
    ("top-right", (1019, 3), True), ("bottom-left", (3, 760), True),
    ("bottom-right", (1000, 700), True), ("bottom-right", (10, 700), False),
])
def test_corners(corner: str, point: tuple[int, int], inside: bool) -> None:
    assert in_corner(corner, *point, 1024, 768) is inside


def test_five_taps_within_three_seconds_complete_the_gesture() -> None:
    clock = FakeClock()
    taps = TapSequence(5, 3.0, clock)
    for _ in range(4):
        assert not taps.tap(True)
        clock.now += 0.5
    assert taps.tap(True)
    # Too slow: the first taps drop out of the window.
    for _ in range(5):
        result = taps.tap(True)
        clock.now += 1.0
    assert not result
    taps.reset()
    for _ in range(3):
        taps.tap(True)
    assert not taps.tap(False)  # a tap elsewhere starts again
    assert not any(taps.tap(True) for _ in range(4))
    assert taps.tap(True)


def test_a_scrypt_hash_of_an_earlier_version_still_opens_the_pad() -> None:
    import base64
    import hashlib

    salt = b"museum-salt-0001"
    digest = hashlib.scrypt(b"4321", salt=salt, n=2**10, r=8, p=1, dklen=32)
    stored = (f"scrypt${2**10}$8$1${base64.b64encode(salt).decode()}$"
              f"{base64.b64encode(digest).decode()}")
    assert is_pin_hash(stored)
    assert verify_pin("4321", stored)
    assert not verify_pin("4322", stored)
