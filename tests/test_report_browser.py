"""The HTML report in a real headless browser: it renders, every change is
highlighted, the summary is right, and the detector filter works."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mojibake_fix import Change, Finding, Result, fix
from mojibake_fix.report import Document, summarize, write_report
from mojibake_fix.report.formats import html_format

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (.ci/run installs it)"
)


def documents() -> list[Document]:
    """Two detectors over three files, one of them long, plus a finding left alone."""
    long_text = "Une phrase propre. " * 2000 + "Le cafÃ© et l'Ã©tÃ©." + " Fin." * 500
    lossy = Finding(4, 5, "replacement-char", 1.0, "lost bytes", None)
    return [
        Document("fr.txt", fix("Le cafÃ© est â€œouvertâ€\x9d.\nÐŸÑ€Ð¸Ð²ÐµÑ‚\n")),
        Document("long.txt", fix(long_text)),
        Document("c1.txt", fix("He said \x93hello\x94 and left.")),
        Document(
            "lost.txt", Result(text="caf\ufffd? ok", findings=(lossy,), original="caf\ufffd? ok")
        ),
        Document("clean.jsonl", fix("nothing to do"), record=1, field="text"),
    ]


def changes_of(docs: list[Document]) -> list[Change]:
    return [change for document in docs for change in document.result.changes]


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stream = io.StringIO()
    write_report(documents(), stream, "html")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(stream.getvalue(), encoding="utf-8")
    return path


def test_page_renders_highlights_summarises_and_filters(report_page: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    docs = documents()
    changes = changes_of(docs)
    summary = summarize(docs)
    detectors = sorted({c.detector for c in changes})
    assert len(detectors) >= 2
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda request: requests.append(request.url))
        page.goto(report_page.as_uri())
        # every change is highlighted, showing before and after
        marks = page.locator("mark.chg")
        assert marks.count() == len(changes)
        shown = sorted(
            (m.get_attribute("data-detector"), m.locator("ins").inner_text()) for m in marks.all()
        )
        assert shown == sorted((c.detector, c.replacement) for c in changes)
        assert all(m.is_visible() for m in marks.all())
        assert page.locator("mark.finding").count() == 1
        # the summary tables
        for key in ("documents", "changed", "changes", "findings"):
            cell = page.locator(f'#run-summary td[data-key="{key}"]').inner_text()
            assert int(cell.replace(",", "")) == summary[key]
        for name, count in summary["by_detector"].items():
            row = page.locator(f'#detectors tr[data-detector="{name}"]')
            assert int(row.locator("td").nth(2).inner_text()) == count
        # the unchanged stretch of the long file is collapsed
        assert page.locator("section.doc", has_text="long.txt").locator(".gap").count() == 2
        # click a change: its details
        first = marks.first
        first.click()
        assert page.locator("#details").is_visible()
        assert page.locator("#d-detector").inner_text() == first.get_attribute("data-detector")
        assert "line 1, column" in page.locator("#d-where").inner_text()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        # filter: untick one detector, its changes lose their highlight
        hidden = detectors[0]
        page.locator(f'input[data-filter="{hidden}"]').click()
        for mark in marks.all():
            off = "off" in (mark.get_attribute("class") or "")
            assert off == (mark.get_attribute("data-detector") == hidden)
            if off:
                assert not mark.locator("del").is_visible()
        only_hidden = [d.path for d in docs if {c.detector for c in d.result.changes} == {hidden}]
        for path in only_hidden:
            assert not page.locator("section.doc", has_text=path).is_visible()
        page.locator(f'input[data-filter="{hidden}"]').click()
        assert page.locator("mark.off").count() == 0
        browser.close()
    assert all(url.startswith("file://") for url in requests), requests


def test_pager_moves_between_pages(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    text = "cafÃ© " * (html_format.PAGE_CHANGES * 2 + 5)
    stream = io.StringIO()
    write_report([Document("many.txt", fix(text))], stream, "html")
    path = tmp_path / "many.html"
    path.write_text(stream.getvalue(), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.goto(path.as_uri())
        visible = page.locator("section.doc:visible mark.chg")
        assert page.locator("#page-label").inner_text() == "page 1 of 3"
        assert visible.count() == html_format.PAGE_CHANGES
        assert page.locator("#previous").is_disabled()
        page.locator("#next").click()
        page.locator("#next").click()
        assert page.locator("#page-label").inner_text() == "page 3 of 3"
        assert visible.count() == 5
        assert page.locator("#next").is_disabled()
        browser.close()
