"""The web page in a real browser: axe-core finds no WCAG 2.1 A/AA violation, and at a phone's
width (390 px) nothing scrolls sideways.

Needs Debian's chromium and chromium-driver (selenium drives them; nothing is downloaded) and
axe-core in .ci/node (``npm ci --prefix .ci/node``), which .ci/run installs. On a developer
machine without them these tests are skipped; under CI they must run.
"""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from draft.build import BuildOptions, build_form
from draft.build.formats import HTML

AXE = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM, DRIVER = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
pytestmark = pytest.mark.needs_browser
missing = [name for name, found in (("chromium", CHROMIUM), ("chromedriver", DRIVER)) if not found]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)}", allow_module_level=True)
#: The accessibility tests need axe-core as well; the layout tests only the browser.
needs_axe = pytest.mark.skipif(not AXE.is_file() and not os.environ.get("CI"), reason="needs axe-core")

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
FORMS = {
    "luohu-2022": EXAMPLES / "luohu-2022.yaml",
    "zhonglou-2023": EXAMPLES / "zhonglou-2023.yaml",
    "features": GOLDEN / "features.yaml",
    "frame": Path(__file__).parent / "fixtures" / "frame" / "full.yaml",  # 版头, 附件, 版记
    "huaian-2024": REPO / "tests" / "fixtures" / "zwgk" / "huaian-2024.yaml",  # a 政府信息公开工作年度报告: three tables
    "joint": Path(__file__).parent / "fixtures" / "frame" / "joint.yaml",  # 联合行文: names stacked, 文件 beside them
}
PHONE = 390
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def axe_violations(driver, url: str) -> list[dict]:  # type: ignore[no-untyped-def]
    driver.get(url)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(r => done(r.violations), e => done(String(e)));",
        WCAG,
    )
    assert isinstance(result, list), result
    return [{"id": v["id"], "nodes": [n["html"][:120] for n in v["nodes"]]} for v in result]


@needs_axe
@pytest.mark.parametrize("name", FORMS)
def test_axe_finds_no_wcag_21_a_or_aa_violation(browser, name: str, tmp_path: Path) -> None:
    page = build_form(FORMS[name], tmp_path, BuildOptions(formats=(HTML,))).output
    assert axe_violations(browser, page.as_uri()) == []


@needs_axe
@pytest.mark.parametrize("name", FORMS)
def test_the_fragment_in_a_site_s_page_has_no_violation_either(browser, name: str, tmp_path: Path) -> None:
    fragment = build_form(FORMS[name], tmp_path, BuildOptions(formats=(HTML,), fragment=True)).output
    host = tmp_path / "site.html"  # what a site's article template puts around it: its own title as h1
    host.write_text(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站</title></head>'
        f"<body><main><h1>报告</h1>{fragment.read_text(encoding='utf-8')}</main></body></html>",
        encoding="utf-8",
    )
    assert axe_violations(browser, host.as_uri()) == []


@pytest.mark.parametrize("name", FORMS)
def test_at_phone_width_nothing_scrolls_sideways(browser, name: str, tmp_path: Path) -> None:
    page = build_form(FORMS[name], tmp_path, BuildOptions(formats=(HTML,))).output
    metrics = {"width": PHONE, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        browser.get(page.as_uri())
        widths = browser.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth,"
            # A wide table scrolls in its own region (which must fit); what is inside it is not the page's width.
            " Math.max(...[...document.querySelectorAll('body *:not(.table-scroll *)')].map(e => e.getBoundingClientRect().right))];"
        )
        shot = browser.get_screenshot_as_png()
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    (tmp_path / f"{name}-{PHONE}.png").write_bytes(shot)
    assert struct.unpack(">II", shot[16:24])[0] == PHONE  # the PNG's width: the page was laid out at phone width
    client, scroll, rightmost = widths
    assert client == PHONE and scroll <= client and rightmost <= client


#: Titles as clerks write them, long enough to wrap on a phone; the first left 报告 alone on its line (issue 21).
PHONE_TITLES = (
    "青山县司法局关于2026年法治政府建设情况的报告",
    "青山县司法局2026年法治政府建设年度报告",
    "常州市钟楼区人力资源和社会保障局2023年法治政府建设年度报告",
    "中共示例区委全面依法治区委员会办公室关于2024年度法治政府建设工作情况的报告",
    "深圳市罗湖区人民政府2022年法治政府建设年度报告",
)
#: Characters measured on each line of the title, in the browser.
TITLE_LINES = """
const h1 = document.querySelector('h1'), lines = new Map();
const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
for (let node; (node = walker.nextNode()); ) {
  for (let i = 0; i < node.length; i++) {
    const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
    const top = Math.round(range.getBoundingClientRect().top);
    lines.set(top, (lines.get(top) || '') + node.data[i]);
  }
}
return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
"""


@pytest.mark.parametrize("width", [PHONE, 320])
@pytest.mark.parametrize("title", PHONE_TITLES)
def test_at_phone_width_the_title_leaves_no_word_alone_on_a_line(browser, title: str, width: int, tmp_path: Path) -> None:
    from draft.html import writer
    from draft.render.document import Block, Document, Role
    from draft.render.titles import break_title
    from draft.text.width import display_width

    blocks = (Block.plain(Role.TITLE, "\n".join(break_title(title))), Block.plain(Role.BODY, "我局坚持依法行政。"))
    page = tmp_path / "report.html"
    page.write_text(writer.page(Document(title=title, author="示例区司法局", blocks=blocks)), encoding="utf-8")
    metrics = {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        browser.get(page.as_uri())
        lines = browser.execute_script(TITLE_LINES)
        right = browser.execute_script("return document.querySelector('h1').scrollWidth <= document.querySelector('h1').clientWidth")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert "".join(lines) == title and right
    assert len(lines) > 1  # the phone wraps it: the test measures a wrapped title
    # Every line, the last above all, holds more than two characters (a digit counts half).
    assert all(display_width(line) / 2 > 2 for line in lines), lines
