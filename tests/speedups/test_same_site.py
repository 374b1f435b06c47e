"""With the speed-ups off (``KAKEHASHI_SPEEDUPS=off``) the portal builds byte for byte the same."""

import filecmp

from conftest import ROOT, build_site


def _files(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_the_portal_is_the_same_file_for_file_with_the_speed_ups_off(built_site, tmp_path, monkeypatch):
    monkeypatch.setenv("KAKEHASHI_SPEEDUPS", "off")
    stock = tmp_path / "stock"
    result = build_site(ROOT / "mkdocs.yml", stock)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not applied" not in result.stderr  # switched off: no warning, no speed-up
    assert _files(stock) == _files(built_site)
    different = [rel for rel in _files(stock) if not filecmp.cmp(stock / rel, built_site / rel, shallow=False)]
    assert different == []
    assert len(_files(stock)) > 250  # every page of every language, search bundles, feeds, calendars
