"""The gate: a speed-up runs only on the versions and Markdown extensions it was verified with."""

import pytest
from project import ROOT

from kakehashi_speedups import gate

PORTAL_EXTENSIONS = sorted(gate.VERIFIED_EXTENSIONS)


def test_every_speed_up_runs_on_the_pinned_versions(monkeypatch):
    monkeypatch.delenv(gate.OFF_ENV, raising=False)
    active, warnings = gate.allowed(PORTAL_EXTENSIONS)
    assert active == set(gate.VERIFIED) and warnings == []


def test_the_pins_are_the_verified_versions():
    pins = dict(line.split("#")[0].strip().split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if "==" in line)
    pins = {name.lower(): version for name, version in pins.items()}
    for speed_up in gate.VERIFIED.values():
        for package, version in speed_up.verified.items():
            assert pins[package.lower()] == version, f"{speed_up.name}: {package}"


def test_another_version_holds_the_speed_up_back_with_one_warning(monkeypatch):
    monkeypatch.delenv(gate.OFF_ENV, raising=False)
    real = gate.installed
    monkeypatch.setattr(gate, "installed", lambda package: "3.12.0" if package == "markdown" else real(package))
    active, warnings = gate.allowed(PORTAL_EXTENSIONS)
    assert "reused_converter" not in active and "i18n_files" in active
    assert warnings == ["speed-up 'reused_converter' not applied (markdown 3.12.0 installed, verified with 3.11.3); the stock path runs"]


def test_another_markdown_extension_holds_the_reused_converter_back(monkeypatch):
    monkeypatch.delenv(gate.OFF_ENV, raising=False)
    active, warnings = gate.allowed([*PORTAL_EXTENSIONS, "smarty"])
    assert "reused_converter" not in active and "front_matter" in active
    assert "['smarty']" in warnings[0]


@pytest.mark.parametrize("value", ["off", "OFF", "0", "false"])
def test_the_environment_turns_every_speed_up_off(monkeypatch, value):
    monkeypatch.setenv(gate.OFF_ENV, value)
    assert gate.allowed(PORTAL_EXTENSIONS) == (set(), [])


def test_the_environment_turns_named_speed_ups_off(monkeypatch):
    monkeypatch.setenv(gate.OFF_ENV, "-quick_exit, -collector")
    active, warnings = gate.allowed(PORTAL_EXTENSIONS)
    assert active == set(gate.VERIFIED) - {"quick_exit", "collector"} and warnings == []


def test_a_name_that_is_no_speed_up_is_reported(monkeypatch):
    monkeypatch.setenv(gate.OFF_ENV, "-quick_exits")
    active, warnings = gate.allowed(PORTAL_EXTENSIONS)
    assert active == set(gate.VERIFIED)
    assert warnings == ["KAKEHASHI_SPEEDUPS: no speed-up is called 'quick_exits'"]
