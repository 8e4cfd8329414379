"""A real JupyterLab on localhost driven in the system Chromium through Playwright.

Used by the browser tests (``tests/test_coding_widget_browser.py``) and the
widget benchmark. The server runs with this interpreter (``sys.executable``) and
this environment, so its kernels import the same ``research`` as the test; its
configuration, data, runtime and workspaces live in a temporary folder. Chromium
is Debian's (``/usr/bin/chromium``), never a browser downloaded by Playwright.

Every wait is on an event (a line of the server's log, a selector, a function of
the page) with a generous timeout, never a fixed sleep.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path
from typing import Any

import nbformat

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KERNEL = "research-test"
#: How long the slow steps may take on a loaded two-core machine (milliseconds).
START_TIMEOUT = 180_000
STEP_TIMEOUT = 60_000
#: Set to "required" (by .ci/run) so that a missing Chromium fails instead of skipping.
REQUIRED_ENV = "RESEARCH_BROWSER_TESTS"


def find_chromium() -> str | None:
    """The system Chromium: ``$RESEARCH_CHROMIUM``, ``/usr/bin/chromium``, or on the PATH."""
    candidates = [os.environ.get("RESEARCH_CHROMIUM"), "/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    for path in candidates:
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    return None


def browser_required() -> bool:
    """Whether browser tests must run (CI) rather than be skipped."""
    return os.environ.get(REQUIRED_ENV, "").lower() == "required"


def launch_chromium(playwright: Any, executable: str, user_data: Path, **options: Any) -> Any:
    """A headless Chromium context with a fresh profile."""
    return playwright.chromium.launch_persistent_context(
        str(user_data),
        executable_path=executable,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=options.pop("viewport", {"width": 1500, "height": 1100}),
        **options,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterLab:
    """A JupyterLab server on localhost serving ``root``; stop it with :meth:`stop`."""

    def __init__(self, root: Path, *, scratch: Path | None = None) -> None:
        self.root = Path(root)
        self.scratch = Path(scratch or tempfile.mkdtemp(prefix="lab-"))
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.log_path = self.scratch / "server.log"
        self._ready = threading.Event()
        self.process: subprocess.Popen | None = None
        self._workspaces = 0

    # -- the server -------------------------------------------------------------------------
    def _environment(self) -> dict[str, str]:
        kernels = self.scratch / "share" / "kernels" / KERNEL
        kernels.mkdir(parents=True, exist_ok=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python (research, tests)",
            "language": "python",
        }
        (kernels / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        labconfig = self.scratch / "config" / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        disabled = {"@jupyterlab/apputils-extension:announcements": True}
        (labconfig / "page_config.json").write_text(
            json.dumps({"disabledExtensions": disabled}), encoding="utf-8"
        )
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.scratch / "config"),
            JUPYTER_DATA_DIR=str(self.scratch / "data"),
            JUPYTER_RUNTIME_DIR=str(self.scratch / "runtime"),
            JUPYTER_PATH=str(self.scratch / "share"),
            IPYTHONDIR=str(self.scratch / "ipython"),
            PYDEVD_DISABLE_FILE_VALIDATION="1",
        )
        return env

    def start(self) -> JupyterLab:
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.open_browser=False",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={self.root}",
            f"--IdentityProvider.token={self.token}",
            f"--LabApp.workspaces_dir={self.scratch / 'workspaces'}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
        ]
        self.process = subprocess.Popen(
            command,
            env=self._environment(),
            cwd=self.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read_log, daemon=True).start()
        if not self._ready.wait(START_TIMEOUT / 1000):
            self.stop()
            raise RuntimeError(f"JupyterLab did not start; see {self.log_path}")
        if self.process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped at start; see {self.log_path}")
        return self

    def _read_log(self) -> None:
        with self.log_path.open("w", encoding="utf-8") as log:
            for line in self.process.stderr:
                log.write(line)
                log.flush()
                if f"127.0.0.1:{self.port}/lab" in line:
                    self._ready.set()
        self.process.wait()
        self._ready.set()  # the server stopped: let start() see it

    def api(self, method: str, path: str, data: dict | None = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/{path}",
            method=method,
            data=None if data is None else json.dumps(data).encode(),
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self, under: str = "") -> None:
        """Shut down the kernels of the notebooks whose path starts with ``under``."""
        for session in self.api("GET", "sessions"):
            if session.get("path", "").startswith(under):
                self.api("DELETE", f"sessions/{session['id']}")

    def stop(self) -> None:
        """Shut down the kernels and the server."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.api("POST", "shutdown")
            self.process.wait(timeout=60)
        except Exception:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # -- notebooks ----------------------------------------------------------------------------
    def url(self, notebook: str) -> str:
        """A fresh workspace with ``notebook`` (a path under the root) open."""
        self._workspaces += 1
        return (
            f"http://127.0.0.1:{self.port}/lab/workspaces/w{self._workspaces}/tree/"
            f"{notebook}?reset&token={self.token}"
        )


def write_notebook(path: Path, *cells: str) -> Path:
    """A notebook of code cells for the test kernel."""
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {
        "name": KERNEL,
        "display_name": "Python (research, tests)",
        "language": "python",
    }
    book.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(book, path)
    return path


class Notebook:
    """A notebook open in JupyterLab, in one page of the browser."""

    def __init__(self, lab: JupyterLab, context: Any, path: str) -> None:
        self.lab = lab
        self.path = path
        self.page = context.new_page()
        self.page.set_default_timeout(STEP_TIMEOUT)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(lab.url(path), timeout=START_TIMEOUT)
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=START_TIMEOUT)
        self.wait_kernel()

    def wait_kernel(self) -> None:
        """Wait until the notebook's kernel is started and idle (the status bar says so)."""
        self.page.get_by_text("Python (research, tests) | Idle").first.wait_for(
            timeout=START_TIMEOUT
        )

    def run(self, index: int) -> None:
        """Run one cell (as Shift+Enter does)."""
        cell = self.page.locator(".jp-Notebook .jp-Cell").nth(index)
        cell.locator(".jp-InputArea-editor").click()
        self.page.keyboard.press("Shift+Enter")

    def wait_output(self, index: int, text: str) -> str:
        """Wait until a cell's output holds ``text``; its whole text."""
        output = self.page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea")
        output.get_by_text(text).first.wait_for(timeout=START_TIMEOUT)
        return output.inner_text()

    def close(self) -> None:
        self.page.close()
        self.lab.shutdown_kernels(self.path)


class Widget:
    """The coding widget of a cell's output, driven with the mouse and the keyboard."""

    def __init__(self, notebook: Notebook, index: int = 0, *, timeout: int = START_TIMEOUT):
        self.page = notebook.page
        cell = self.page.locator(".jp-Notebook .jp-Cell").nth(index)
        self.root = cell.locator(".rw.rw-document").first
        cell.locator(".rw.rw-document[data-ready='1']").first.wait_for(timeout=timeout)

    def attribute(self, name: str) -> str:
        return self.root.get_attribute(name) or ""

    def idle(self) -> None:
        """Wait until the kernel answered every message the page sent."""
        self.page.wait_for_function(
            "root => root.dataset.sent === root.dataset.acked",
            arg=self.root.element_handle(),
            timeout=STEP_TIMEOUT,
        )

    def status(self) -> tuple[str, str]:
        node = self.root.locator(".rw-status")
        return node.get_attribute("data-state") or "", node.inner_text()

    def box(self, first: str, last: str | None = None) -> dict[str, float]:
        """Where the first ``first`` and the next ``last`` after it are shown (viewport
        coordinates of their first and last characters), scrolled into view."""
        found = self.root.evaluate(
            """(root, [first, last]) => {
              const scroll = root.querySelector('.rw-scroll');
              const walker = document.createTreeWalker(root.querySelector('.rw-text'), NodeFilter.SHOW_TEXT);
              const nodes = []; let all = '';
              for (let node; (node = walker.nextNode()); ) { nodes.push([node, all.length]); all += node.data; }
              const a = all.indexOf(first);
              const b = a < 0 ? -1 : all.indexOf(last, a);
              if (b < 0) return null;
              const at = (pos) => { let k = nodes.length - 1; while (k > 0 && nodes[k][1] > pos) k -= 1;
                                    return [nodes[k][0], pos - nodes[k][1]]; };
              const rect = (pos) => { const [node, off] = at(pos); const r = document.createRange();
                                      r.setStart(node, off); r.setEnd(node, off + 1); return r.getBoundingClientRect(); };
              // blocks are laid out when shown (content-visibility): scroll, let the
              // page lay out what came into view, and scroll again until it stays
              const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              const place = () => { scroll.scrollIntoView({block: 'nearest'});
                const top = rect(a).top - scroll.getBoundingClientRect().top;
                scroll.scrollTop += top - scroll.clientHeight / 3; return rect(a).top; };
              return (async () => {
                let before = place();
                for (let k = 0; k < 5; k++) { await frames(); const now = place(); if (now === before) break; before = now; }
                const r1 = rect(a), r2 = rect(b + last.length - 1);
                return {x1: r1.left, x1r: r1.right, y1: (r1.top + r1.bottom) / 2,
                        x2l: r2.left, x2: r2.right, y2: (r2.top + r2.bottom) / 2};
              })();
            }""",
            [first, last or first],
        )
        if found is None:
            raise AssertionError(f"{first!r} … {last!r} is not shown in the widget")
        return found

    def drag(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        mouse = self.page.mouse
        mouse.move(*start)
        mouse.down()
        mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=4)
        mouse.move(*end, steps=4)
        mouse.up()

    def select(self, first: str, last: str | None = None, *, inside: bool = False) -> str:
        """Select from the first character of ``first`` to the last of ``last`` (the
        next after it) with a mouse drag, from inside those characters when
        ``inside``; the selection the page kept (``start-end``, UTF-16 units)."""
        box = self.box(first, last)
        # inside: past the middle of the first character and before the middle of the
        # last, so that the browser's selection cuts both words (the page snaps it)
        x1 = box["x1"] + 0.7 * (box["x1r"] - box["x1"]) if inside else box["x1"] + 1
        x2 = box["x2l"] + 0.3 * (box["x2"] - box["x2l"]) if inside else box["x2"] - 1
        self.drag((x1, box["y1"]), (x2, box["y2"]))
        return self.attribute("data-selection")

    def click(self, words: str) -> None:
        """Click inside the first character of ``words`` (as a coder clicks a coded passage)."""
        box = self.box(words)
        self.page.mouse.click(box["x1"] + 0.3 * (box["x1r"] - box["x1"]), box["y1"])

    def code(self, code: str) -> None:
        """Click a code of the tree (clearing its search first) and wait for the save."""
        search = self.root.locator(".rw-tree-search")
        if search.input_value():
            search.fill("")
        self.root.locator(f".rw-code[data-code='{code}'] .rw-code-label").click()
        self.idle()
