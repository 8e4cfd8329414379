"""The coding widget in a real JupyterLab, driven in Chromium with the mouse and keyboard.

One JupyterLab server (on localhost, a random port, a token) and one Chromium
serve every test of this module; each test works on its own copy of a project
made as a new user makes one (``tests/coding_project.py``), or of the demo
project, opens a notebook, runs it, selects passages with real mouse drags and
Shift+arrow keys, clicks the codebook tree, and then reads the coder's CSV file.

Skipped when no Chromium is found, unless ``RESEARCH_BROWSER_TESTS=required``
(set by ``.ci/run``), which makes a missing Chromium a failure.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import research
from coding_project import build_project
from jupyterlab_browser import (
    JupyterLab,
    Notebook,
    Widget,
    browser_required,
    find_chromium,
    launch_chromium,
    write_notebook,
)
from research.coding import CODING_COLUMNS, CodingSession, load_codings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "outputs" / "coding-widget" / "INT03.png"
OPEN = "import research\nproject = research.open_project()\n"


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        message = (
            "no Chromium found (/usr/bin/chromium, chromium on the PATH or $RESEARCH_CHROMIUM): "
            "install Debian's package with 'apt-get install chromium' to run the browser tests"
        )
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def lab_root(chromium, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lab")
    build_project(root / "_template")
    return root


@pytest.fixture(scope="module")
def lab(lab_root):
    server = JupyterLab(lab_root, scratch=Path(tempfile.mkdtemp(prefix="lab-")))
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.scratch, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(lab, chromium, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, chromium, tmp_path_factory.mktemp("chromium"))
        yield context
        context.close()


@pytest.fixture
def open_notebook(lab, lab_root, browser, request):
    """Copy the project (or the demo), write a notebook of cells, open it, run its first cell."""
    opened: list[Notebook] = []

    def make(*cells: str, demo: bool = False, name: str | None = None) -> tuple[Notebook, Path]:
        folder = name or request.node.name.replace("[", "-").replace("]", "")
        root = lab_root / folder
        if not root.exists():
            if demo:
                root.mkdir()
                for part in ("corpus", "codebook"):
                    shutil.copytree(REPO / part, root / part)
                shutil.copy(REPO / "research.yaml", root / "research.yaml")
            else:
                shutil.copytree(lab_root / "_template", root)
        path = f"{folder}/notebooks/coding-{len(opened)}.ipynb"
        write_notebook(lab_root / path, *cells)
        notebook = Notebook(lab, browser, path)
        opened.append(notebook)
        notebook.run(0)
        return notebook, root

    yield make
    for notebook in opened:
        assert notebook.errors == [], notebook.errors
        notebook.close()


def rows(root: Path, coder: str) -> pd.DataFrame:
    return load_codings(root / "corpus" / "codings").query("coder == @coder").reset_index(drop=True)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_coding_with_the_mouse_and_the_keyboard(open_notebook):
    notebook, root = open_notebook(
        OPEN + 'research.code_document(project, coder="lea", doc_id="ENT01")'
    )
    widget = Widget(notebook)
    page = notebook.page
    text = research.open_project(root).corpus.text("ENT01")

    # a drag from inside a word to inside another: whole words are kept
    widget.select("marché", "Lons", inside=True)
    widget.code("terrain.cooperation")
    # over an emoji, coded by typing a few letters of the code
    widget.select("l’idée", "très")
    page.keyboard.type("confi")
    page.keyboard.press("Enter")
    widget.idle()
    # across a speaker label, coded with the key of the most recent code
    widget.select("Comment", "marché")
    assert widget.root.locator(".rw-recent-code").first.get_attribute("data-code") == (
        "terrain.confiance"
    )
    page.keyboard.press("1")
    widget.idle()
    # from a click, with Shift and the arrows
    first = widget.box("Trente")
    page.mouse.click(first["x1"] + 1, first["y1"])
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowLeft")
    widget.code("terrain.freins.territoire")
    # French typography: guillemets and no-break spaces
    widget.select("«", "»")
    widget.code("terrain.confiance")
    # a new code, made on the spot under "Freins"
    widget.select("Le car", "samedi")
    row = widget.root.locator(".rw-code[data-code='terrain.freins']")
    row.hover()
    row.locator(".rw-add").click()
    widget.root.locator(".rw-new-label").fill("Transports")
    widget.root.locator(".rw-new-label").press("Enter")
    widget.idle()
    # an in-vivo code named by the selected words (under the default: the tree's root)
    widget.select("anciens", "restent")
    widget.root.locator("[data-action='in-vivo']").click()
    widget.idle()
    assert widget.status()[0] == "saved"

    saved = rows(root, "lea")
    expected = {
        ("terrain.cooperation", "marché de Lons"),
        ("terrain.confiance", "l’idée 😀, très"),
        ("terrain.confiance", "Comment est née l’épicerie ?\n\nÉlodie : Par le marché"),
        ("terrain.freins.territoire", "Trente kilomètres"),
        ("terrain.confiance", "«\u00a0c’est pour toi\u00a0»"),
        ("terrain.freins.transports", "Le car ne passe pas le samedi"),
        ("terrain.anciens_restent", "anciens 👵🏻 restent"),
    }
    assert set(zip(saved["code"], saved["quote"], strict=True)) == expected
    for row_ in saved.itertuples():
        assert (row_.start, row_.end) == span(text, row_.quote)
    book = research.open_project(root).codebook
    assert book.label("terrain.freins.transports") == "Transports"
    assert book.label("terrain.anciens_restent") == "anciens 👵🏻 restent"

    # the same rows, byte for byte, as a session call writes them (but for the time)
    other = root / "same-by-session"
    session = CodingSession(research.open_project(root), "lea", folder=other)
    for row_ in saved.itertuples():
        session.code_span("ENT01", row_.start, row_.end, row_.code)
    session.save()

    def without_time(path: Path) -> list[str]:
        return [line.rsplit(",", 1)[0] for line in path.read_text("utf-8").splitlines()]

    assert without_time(root / "corpus" / "codings" / "lea.csv") == without_time(other / "lea.csv")

    # click a coded passage: its panel and a memo; extend another; remove a third; undo, redo
    widget.click("Trente")
    panel = widget.root.locator(".rw-panel")
    panel.wait_for()
    assert "Contraintes du territoire" in panel.inner_text()
    panel.locator(".rw-memo").fill("la distance, « toujours »")
    panel.locator("[data-action='memo']").click()
    widget.idle()
    widget.click("c’est pour toi")
    assert "Confiance" in panel.inner_text()
    panel.locator("[data-action='end-right']").click()
    widget.idle()
    widget.click("Le car")
    panel.locator("[data-action='recode']").click()
    widget.root.locator(".rw-code[data-code='terrain.freins.peur'] .rw-code-label").click()
    widget.idle()
    widget.click("de Lons")
    panel.locator("[data-action='remove']").click()
    widget.idle()
    saved = rows(root, "lea")
    recoded = saved.set_index("quote").loc["Le car ne passe pas le samedi"]
    assert (recoded["code"], recoded["memo"]) == ("terrain.freins.peur", "")
    assert "terrain.cooperation" not in saved["code"].tolist()
    assert saved.set_index("quote").loc["Trente kilomètres", "memo"] == "la distance, « toujours »"
    assert "«\u00a0c’est pour toi\u00a0». Quoi" in saved["quote"].tolist()
    page.keyboard.press("Control+z")
    widget.idle()
    assert "marché de Lons" in rows(root, "lea")["quote"].tolist()
    page.keyboard.press("Control+Shift+z")
    widget.idle()
    assert "marché de Lons" not in rows(root, "lea")["quote"].tolist()
    assert widget.status()[0] == "saved" and "Enregistré" in widget.status()[1]


def test_text_holding_html_is_shown_as_text_and_runs_nothing(open_notebook):
    notebook, root = open_notebook(
        OPEN + 'research.code_document(project, coder="lea", doc_id="HTML01")'
    )
    widget = Widget(notebook)
    page = notebook.page
    shown = widget.root.locator(".rw-text").inner_text()
    assert "<script>window.__xss = 1</script>" in shown
    assert '<img src=x onerror="window.__xss = 2">' in shown
    assert (
        "<img src=x onerror=window.__xss=3> balise" in widget.root.locator(".rw-tree").inner_text()
    )
    assert widget.root.locator("script, img").count() == 0
    widget.select("Et une image", "aussi")
    widget.code("terrain.balise")
    widget.root.locator(".rw-stripe-label").first.hover()
    assert page.evaluate("() => window.__xss") is None
    assert rows(root, "lea")["quote"].tolist() == [
        'Et une image <img src=x onerror="window.__xss = 2"> aussi'
    ]


def test_other_coders_blind_mode_and_a_disagreement(open_notebook, lab_root):
    name = "test_other_coders"
    root = lab_root / name
    shutil.copytree(lab_root / "_template", root)
    project = research.open_project(root)
    text = project.corpus.text("ENT01")
    for coder, words in (("lea", "coopéré"), ("tom", "coopéré avec la fromagerie")):
        session = CodingSession(project, coder)
        session.code_span("ENT01", *span(text, words), "terrain.cooperation")
        session.save()
    notebook, _ = open_notebook(
        OPEN + 'research.code_document(project, coder="lea", doc_id="ENT01")',
        OPEN + 'research.code_document(project, coder="lea", doc_id="ENT01", blind=True)',
        OPEN
        + "from research.agreement import disagreements, open_disagreement\n"
        + 'found = disagreements(project.codings, project.corpus.segments, coders=["lea", "tom"],'
        + " infer_documents=True)\n"
        + 'open_disagreement(project, found, 0, coder="lea")',
        name=name,
    )
    widget = Widget(notebook, 0)
    assert "mode aveugle" in widget.root.locator(".rw-others").inner_text()
    assert widget.root.locator(".rw-stripe.rw-other").count() == 0
    widget.root.locator(".rw-show-others").check()
    widget.root.locator(".rw-stripe.rw-other").first.wait_for()
    assert "tom" in widget.root.locator(".rw-margin").inner_text()

    notebook.run(1)
    blind = Widget(notebook, 1)
    notice = blind.root.locator(".rw-others").inner_text()
    assert "Mode aveugle" in notice and "tom" in notice
    assert blind.root.locator(".rw-show-others").count() == 0
    assert blind.root.locator(".rw-stripe.rw-other").count() == 0

    notebook.run(2)
    opened = Widget(notebook, 2)
    opened.root.locator(".rw-stripe.rw-other").first.wait_for()
    coders = opened.root.locator(".rw-stripe").evaluate_all(
        "bars => bars.map(b => b.dataset.coder)"
    )
    assert sorted(coders) == ["", "tom"]
    assert opened.attribute("data-doc-id") == "ENT01"


def test_navigation_search_and_a_jump_from_retrieved_passages(open_notebook):
    notebook, root = open_notebook(
        OPEN + 'w = research.code_document(project, coder="lea", where={"kind": "interview"})\nw',
        "found = research.retrieve(project.codings, project.corpus, project.codebook, 'terrain')\n"
        "w.jump(found.iloc[0])",
    )
    session = CodingSession(research.open_project(root), "lea")
    text = session.corpus.text("HTML01")
    session.code_span("HTML01", *span(text, "Rien ne doit"), "terrain.confiance")
    session.save()
    widget = Widget(notebook)
    assert widget.attribute("data-doc-id") == "ENT01"
    widget.root.locator("[data-action='next']").click()
    widget.idle()
    assert widget.attribute("data-doc-id") == "HTML01"
    widget.root.locator("[data-action='previous']").click()
    widget.idle()
    assert widget.attribute("data-doc-id") == "ENT01"
    widget.root.locator(".rw-find").fill("SAMEDI")
    assert widget.root.locator(".rw-hits").inner_text() == "1 / 1"
    widget.root.locator(".rw-find").fill("l'idee")  # apostrophe and accents ignored
    assert widget.root.locator(".rw-hits").inner_text() == "1 / 1"
    notebook.page.keyboard.press("Escape")
    notebook.run(1)
    notebook.page.wait_for_function(
        "root => root.dataset.docId === 'HTML01' && root.dataset.active",
        arg=widget.root.element_handle(),
    )
    start, end = span(text, "Rien ne doit")
    assert widget.attribute("data-active") == f"{start}:{end}:terrain.confiance"


def test_the_code_browser_opens_a_passage_in_the_document(open_notebook):
    notebook, root = open_notebook(
        OPEN
        + 'from research.coding_widget import code_browser\ncode_browser(project, coder="lea")',
        name="test_code_browser",
    )
    page = notebook.page
    browser = page.locator(".rw.rw-browser")
    browser.wait_for()
    assert page.locator(".rw.rw-document").first.is_hidden()
    # codings made after the browser opened are counted once it is told (a new pick)
    project = research.open_project(root)
    text = project.corpus.text("ENT01")
    for coder in ("lea", "tom"):
        session = CodingSession(project, coder)
        session.code_span("ENT01", *span(text, "samedi"), "terrain.freins.territoire")
        session.save()
    browser.locator(".rw-code[data-code='terrain.freins.territoire'] .rw-code-label").click()
    browser.locator(".rw-passage").nth(1).wait_for()
    assert browser.locator(".rw-passage").count() == 2
    assert "samedi" in browser.locator(".rw-passages").inner_text()
    browser.locator(".rw-passage [data-index='1']").click()
    document = page.locator(".rw.rw-document[data-ready='1']")
    document.wait_for()
    assert document.get_attribute("data-doc-id") == "ENT01"
    start, end = span(text, "samedi")
    page.wait_for_function("root => root.dataset.active", arg=document.element_handle())
    assert document.get_attribute("data-active") == f"{start}:{end}:terrain.freins.territoire"


def test_two_notebooks_of_one_coder_and_a_second_coder_lose_nothing(open_notebook):
    cell = OPEN + 'research.code_document(project, coder="{coder}", doc_id="ENT01")'
    name = "test_two_notebooks"
    first, root = open_notebook(cell.format(coder="lea"), name=name)
    second, _ = open_notebook(cell.format(coder="lea"), name=name)
    third, _ = open_notebook(cell.format(coder="tom"), name=name)
    for notebook, words, code in (
        (first, "coopéré", "terrain.cooperation"),
        (second, "fromagerie", "terrain.cooperation"),
        (third, "samedi", "terrain.confiance"),
        (first, "samedi", "terrain.freins.territoire"),
    ):
        notebook.page.bring_to_front()
        widget = Widget(notebook)
        widget.select(words)
        widget.code(code)
    assert sorted(rows(root, "lea")["quote"]) == ["coopéré", "fromagerie", "samedi"]
    assert rows(root, "tom")["quote"].tolist() == ["samedi"]


PASSAGES = [  # ten passages of the demo's INT03, dragged over from first to last word
    ("De ma grand-mère", "en fait."),
    ("Elle habitait Gizia", "l’an dernier."),
    ("Je ne me vois pas commerçante", "rien créé."),
    ("Par le marché de Lons.", "septembre 2016"),
    ("le mur des idées", "le mur des idées"),
    ("Il m’a tendu", "post-it vert"),
    ("Trois semaines après", "il m’appelle"),
    ("J’avais peur qu’on me pique l’idée", "très honnêtement."),
    ("j’avais peur de parler en public", "j’avais peur de parler en public"),
    ("C’est Julien", "changer d’avis."),
]


def test_ten_passages_of_the_demo_coded_with_the_mouse(open_notebook):
    """The researcher's two lines on the demo project, ten passages, the browser closed."""
    notebook, root = open_notebook(
        "import research\n"
        'research.code_document(research.open_project(), coder="camille", doc_id="INT03")',
        demo=True,
    )
    before = rows(root, "camille")
    widget = Widget(notebook)
    text = research.open_project(root).corpus.text("INT03")
    wanted = []
    for i, (first, last) in enumerate(PASSAGES):
        widget.select(first, last)
        code = "sut.barriers.territory" if i % 2 else "sut.actors.project_holder"
        widget.code(code)
        start = text.index(first)
        end = text.index(last, start) + len(last)
        wanted.append((start, end, code, text[start:end]))
    # the screenshot of the README: the other coder shown, a passage chosen
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    widget.root.locator(".rw-show-others").check()
    widget.root.locator(".rw-stripe.rw-other").first.wait_for()
    widget.click("De ma grand-mère")
    widget.root.locator(".rw-panel").wait_for()
    notebook.page.set_viewport_size({"width": 1500, "height": 1400})
    widget.root.evaluate("root => root.scrollIntoView({block: 'start'})")
    widget.root.screenshot(path=str(SCREENSHOT))
    notebook.page.close()  # the browser is closed: everything is already saved
    after = rows(root, "camille")
    old = set(map(tuple, before[CODING_COLUMNS[:6]].values.tolist()))
    new = [r for r in map(tuple, after[CODING_COLUMNS[:6]].values.tolist()) if r not in old]
    assert sorted(new) == sorted(("camille", "INT03", *w) for w in wanted)
    assert old <= set(map(tuple, after[CODING_COLUMNS[:6]].values.tolist()))
    notebook.page = notebook.page.context.new_page()  # for the fixture's closing
