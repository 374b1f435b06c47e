"""The benchmark's published figures: which sizes the ratio compares, and the Performance page table."""

import json
from pathlib import Path

from conftest import ROOT

from kakehashi.bench.build import ratio_sizes
from kakehashi.bench.report import render_benchmark
from kakehashi.render.ui_text import translations


def test_ratio_compares_400_and_1600_whenever_both_ran():
    assert ratio_sizes([400, 1600, 10000]) == (400, 1600)
    assert ratio_sizes([100, 10000]) == (100, 10000)
    assert ratio_sizes([400]) == (None, None)


def test_performance_table_names_the_sizes_of_the_ratio(tmp_path):
    figures = {"sizes": {"400": {"build_s": 10.0, "check_s": 2.0, "peak_rss_mb": 600, "html_bytes_per_page": 26000, "site_mb": 40.0},
                         "1600": {"build_s": 35.0, "check_s": 7.0, "peak_rss_mb": 800, "html_bytes_per_page": 25900, "site_mb": 140.0}},
               "stock": {"400": 25.5}, "ratio": 3.5, "ratio_sizes": [400, 1600]}
    path = tmp_path / "benchmark.json"
    path.write_text(json.dumps(figures), encoding="utf-8")
    page = render_benchmark(path, lambda text: text)
    french = render_benchmark(path, lambda text: text, "fr_FR")
    assert "<svg" in page
    assert "| 1,600 | 35.0 | – | 7.0 | 800 | 25.9 | 140.0 |" in page
    assert "Build time at 1,600 pages per language divided by the build time at 400: 3.50." in page
    assert "Build time at 1\u202f600 pages per language divided by the build time at 400: 3,50." in french
    assert "| 1\u202f600 | 35,0 | – | 7,0 | 800 | 25,9 | 140,0 |" in french
    assert "median" not in page  # one run


def test_performance_table_says_when_times_are_medians(tmp_path):
    figures = {"sizes": {"1600": {"build_s": 28.0, "check_s": 7.0, "peak_rss_mb": 800, "html_bytes_per_page": 25900, "site_mb": 140.0}},
               "stock": {}, "ratio": None, "ratio_sizes": None, "runs": 3}
    path = tmp_path / "benchmark.json"
    path.write_text(json.dumps(figures), encoding="utf-8")
    assert "Build and check times are the median of 3 runs." in render_benchmark(path, lambda text: text)


def test_the_chart_is_written_in_the_language_of_its_page(tmp_path):
    """The labels of the chart's points and axes: words, numbers and typography of the page's language."""
    figures = {"sizes": {"1600": {"build_s": 28.8, "check_s": 6.6, "peak_rss_mb": 837, "html_bytes_per_page": 36764, "site_mb": 202.4}},
               "stock": {"400": 24.4}}
    path = tmp_path / "benchmark.json"
    path.write_text(json.dumps(figures), encoding="utf-8")
    english = render_benchmark(path, lambda text: text)
    french = render_benchmark(path, translations(ROOT / "locales", "fr").gettext, "fr_FR")
    japanese = render_benchmark(path, translations(ROOT / "locales", "ja").gettext, "ja_JP")
    assert "<title>Kakehashi: 1,600 pages, 28.8 s</title>" in english and ">1,600</text>" in english
    assert "<title>Kakehashi\u00a0: 1\u202f600\u00a0pages, 28,8\u00a0s</title>" in french and ">1\u202f600</text>" in french
    assert "<title>configuration standard\u00a0: 400\u00a0pages, 24,4\u00a0s</title>" in french
    assert "<title>Kakehashi：1,600ページ、28.8秒</title>" in japanese and ">29秒</text>" in japanese
    assert " pages" not in japanese and "1,600" not in french

def test_median_of_several_runs(tmp_path, monkeypatch):
    """measure_size reports the median times and the highest memory of its runs."""
    from kakehashi.bench import build
    from kakehashi.bench.measure import Run

    times = iter([1.0, 30.0, 2.0, 20.0, 3.0, 40.0])  # check, build, check, build, check, build
    memory = iter([100, 700, 100, 900, 100, 800])
    cpu = iter([1.5, 55.0, 2.5, 41.0, 3.5, 62.0])
    monkeypatch.setattr(build, "run_measured", lambda *a: Run(next(times), next(memory), 0, "", next(cpu)))
    monkeypatch.setattr(build, "site_figures", lambda site: (30, 25000.0, 140.0))
    figures = build.measure_size(tmp_path, 1600, runs=3)
    assert (figures["build_s"], figures["build_cpu_s"], figures["check_s"], figures["peak_rss_mb"]) == (30.0, 55.0, 2.0, 900)


def test_each_run_builds_into_a_folder_that_stays(tmp_path, monkeypatch):
    """No run deletes what an earlier one built: a build just after a deletion is slower on this disk."""
    from kakehashi.bench import build
    from kakehashi.bench.measure import Run

    def fake_run(command, *args):
        if "-d" in command:
            site = Path(command[command.index("-d") + 1])
            site.mkdir()
            (site / "index.html").write_text("built", encoding="utf-8")
        return Run(1.0, 100, 0, "", 1.0)

    monkeypatch.setattr(build, "run_measured", fake_run)
    monkeypatch.setattr(build, "site_figures", lambda site: (30, 25000.0, 140.0))
    build.measure_size(tmp_path, 1600, runs=3)
    assert sorted(path.parent.name for path in tmp_path.glob("*/index.html")) == ["site-1", "site-2", "site-3"]


def test_cpu_time_counts_the_descendants(tmp_path):
    """A build's CPU time includes the processes it starts (language workers, Pagefind), not only its own."""
    import sys

    from kakehashi.bench.measure import run_measured

    burn = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}], check=True)"
    run = run_measured([sys.executable, "-c", parent], tmp_path)
    assert run.returncode == 0
    assert run.cpu_seconds >= 0.6
