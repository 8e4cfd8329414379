// The document widget: read a document, select a passage, give it codes.
// State comes from the Python side (traits of research.coding.CodingWidget);
// every change is a message to it, which saves through the coding store and
// answers with new state and a status.

class DocumentView {
  constructor(model, el) {
    const started = Date.now();
    this.model = model;
    this.el = el;
    this.uid = ++rwInstances;
    this.sel = null; // {anchor, focus}: the selected passage, snapped to words
    this.caretAt = null;
    this.active = null; // key of the coding shown in the panel
    this.activeOther = null; // {key, coder} of another coder's coding shown
    this.activeSuggestion = null; // key of the suggestion shown (see suggestions.js)
    this.advanceFrom = null; // after a decision on a suggestion, go on from here
    this.hover = null;
    this.recodeMode = false;
    this.hits = [];
    this.hit = -1;
    this.seq = 0;
    this.drawn = false;
    this.build();
    this.root.dataset.renderStart = String(started);
    this.highlights = new Highlights(this.root, `rw${this.uid}`);
    this.building = true; // paint once, at the end
    this.renderCodes();
    this.renderDocument();
    this.renderNav();
    this.renderStatus();
    this.renderHistory();
    this.renderOthers();
    renderSuggestionCount(this);
    this.building = false;
    this.paintCodings();
  }

  // -- structure ------------------------------------------------------------------

  build() {
    const button = (text, title, onclick, action) =>
      h("button", { type: "button", class: "rw-button", title, onclick, "data-action": action, text });
    this.prevButton = button("◂", "Document précédent", () => this.send({ type: "goto", step: -1 }), "previous");
    this.nextButton = button("▸", "Document suivant", () => this.send({ type: "goto", step: 1 }), "next");
    this.docSelect = h("select", {
      class: "rw-docs",
      "aria-label": "Document",
      onchange: () => this.send({ type: "goto", doc_id: this.docSelect.value }),
    });
    this.searchInput = h("input", {
      type: "search",
      class: "rw-find",
      placeholder: "Chercher dans le texte…",
      "aria-label": "Chercher dans le texte",
      oninput: () => this.find(this.searchInput.value),
      onkeydown: (event) => {
        if (event.key === "Enter") this.step(event.shiftKey ? -1 : 1);
        if (event.key === "Escape") {
          this.searchInput.value = "";
          this.find("");
          this.scroll.focus({ preventScroll: true });
        }
        event.stopPropagation();
      },
    });
    this.hitCount = h("span", { class: "rw-hits", "aria-live": "polite" });
    this.undoButton = button("↶ Annuler", "Annuler (Ctrl+Z)", () => this.send({ type: "undo" }), "undo");
    this.redoButton = button("↷ Rétablir", "Rétablir (Ctrl+Maj+Z)", () => this.send({ type: "redo" }), "redo");
    this.statusNode = h("span", { class: "rw-status", role: "status", "aria-live": "polite" });
    this.suggestCount = h("span", { class: "rw-suggest-count" });
    this.suggestNode = h(
      "span",
      { class: "rw-group rw-suggest", hidden: true },
      this.suggestCount,
      button("Revoir ▸", "Suggestion suivante (Alt+S)", () => this.gotoSuggestion(), "review-suggestions"),
    );
    const bar = h(
      "div",
      { class: "rw-bar" },
      h("span", { class: "rw-group" }, this.prevButton, this.docSelect, this.nextButton),
      h(
        "span",
        { class: "rw-group" },
        this.searchInput,
        this.hitCount,
        button("↑", "Occurrence précédente (Maj+Entrée)", () => this.step(-1), "find-previous"),
        button("↓", "Occurrence suivante (Entrée)", () => this.step(1), "find-next"),
      ),
      h("span", { class: "rw-group" }, this.undoButton, this.redoButton),
      this.suggestNode,
      this.statusNode,
    );
    this.titleNode = h("h3", { class: "rw-title" });
    this.descNode = h("div", { class: "rw-desc" });
    this.othersNode = h("div", { class: "rw-others" });
    this.selInfo = h("span", { class: "rw-selinfo", text: "Sélectionnez un passage à la souris ou avec Maj+flèches." });
    this.parentSelect = h("select", {
      class: "rw-parent",
      "aria-label": "Nouveaux codes sous",
      onchange: () => {
        this.model.set("new_parent", this.parentSelect.value);
        this.model.save_changes();
      },
    });
    this.inVivoButton = button("In vivo", "Créer un code nommé par les mots sélectionnés (Alt+I)", () => this.inVivo(), "in-vivo");
    this.newCodeButton = button("Nouveau code…", "Créer un code et coder la sélection (Alt+N)", () => this.tree.openCreate(this.parentSelect.value || null), "new-code");
    this.recentNode = h("div", { class: "rw-recent" });
    const keys = [
      ["Maj + ← →", "étendre ou réduire la sélection d'un mot (↑ ↓ : d'une ligne)"],
      ["lettres", "chercher un code ; Entrée le donne à la sélection"],
      ["1 … 9", "donner un code récent"],
      ["Suppr", "retirer le codage choisi"],
      ["Ctrl+Z, Ctrl+Maj+Z", "annuler, rétablir"],
      ["Alt+I, Alt+N", "code in vivo, nouveau code"],
      ["Alt+S", "suggestion suivante ; Entrée l'accepte, Suppr la rejette"],
      ["Échap", "tout désélectionner"],
    ];
    const help = h(
      "details",
      { class: "rw-help" },
      h("summary", { text: "Raccourcis" }),
      h("dl", {}, keys.map(([k, what]) => [h("dt", {}, h("kbd", { text: k })), h("dd", { text: what })])),
    );
    const actions = h(
      "div",
      { class: "rw-actions" },
      this.selInfo,
      h("span", { class: "rw-group" }, this.inVivoButton, this.newCodeButton, h("label", { class: "rw-hint", text: "sous" }), this.parentSelect),
      help,
    );
    this.tree = new CodeTree({
      onPick: (code) => this.pick(code),
      onCreate: (parent, label) => {
        const span = this.selSpan() || this.activeSpan();
        this.send({ type: "new_code", parent, label, start: span ? span[0] : null, end: span ? span[1] : null });
      },
      onEscape: () => this.scroll.focus({ preventScroll: true }),
    });
    this.panelNode = h("div", { class: "rw-panel", hidden: true });
    this.textNode = h("div", { class: "rw-text", lang: "fr" });
    this.marginNode = h("div", { class: "rw-margin", "aria-label": "Codages" });
    this.scroll = h(
      "div",
      { class: "rw-scroll", tabindex: 0, "aria-label": "Texte du document" },
      h("div", { class: "rw-page" }, this.textNode, this.marginNode),
    );
    this.root = h(
      "div",
      { class: "rw rw-document", "data-lm-suppress-shortcuts": "true", dataset: { sent: "0", acked: "0" } },
      bar,
      h("div", { class: "rw-head" }, this.titleNode, this.descNode, this.othersNode),
      actions,
      this.recentNode,
      h("div", { class: "rw-main" }, h("div", { class: "rw-side" }, this.panelNode, this.tree.element), this.scroll),
    );
    this.el.append(this.root);
    this.text = new DocText(this.textNode);
    this.margin = new Margin(this.marginNode, {
      onPick: (key, coder) =>
        key.startsWith("s:") ? this.activateSuggestion(key) : coder ? this.activateOther(key, coder) : this.activate(key),
      onHover: (key, coder) => this.paintHover(key, coder),
    });
    this.margin.bind();
    this.textNode.addEventListener("mousedown", (event) => {
      if (event.button !== 0) return;
      const up = () => {
        document.removeEventListener("mouseup", up, true);
        this.afterMouse();
      };
      document.addEventListener("mouseup", up, true);
    });
    this.root.addEventListener("keydown", (event) => {
      if (!event.target.closest("input, textarea, select")) this.keys(event);
    });
    // the notebook would take these for its own (select the cell, run shortcuts) and,
    // on the first click, keep the browser from starting a text selection
    this.root.addEventListener("keydown", (event) => event.stopPropagation());
    this.root.addEventListener("mousedown", (event) => event.stopPropagation());
    this.root.addEventListener("focusin", (event) => event.stopPropagation());
    this.resize = new ResizeObserver(() => this.scheduleMargin());
    this.resize.observe(this.textNode);
    this.scroll.addEventListener("scroll", () => this.scheduleMargin(), { passive: true });
  }

  // -- state from Python ----------------------------------------------------------

  ownCodings() {
    return this.model.get("codings");
  }

  codeChip(code) {
    return h(
      "span",
      { class: "rw-chip" },
      h("span", { class: "rw-swatch", style: { background: this.tree.color(code) } }),
      this.tree.label(code),
    );
  }

  renderDocument() {
    const doc = this.model.get("doc");
    this.sel = null;
    this.active = null;
    this.activeOther = null;
    this.activeSuggestion = null;
    this.recodeMode = false;
    this.hits = [];
    this.hit = -1;
    this.titleNode.textContent = doc.title || doc.doc_id || "";
    const parts = [doc.doc_id, doc.description, `codeur : ${this.model.get("coder")}`].filter(Boolean);
    this.descNode.textContent = parts.join(" · ");
    this.text.render(doc);
    this.root.dataset.docId = doc.doc_id || "";
    this.searchInput.value = "";
    this.hitCount.textContent = "";
    if (this.drawn) this.scroll.scrollTop = 0; // another document (a new page is at the top)
    this.paintCodings();
    this.paintSelection();
    this.paintSearch();
    this.updateActions();
    renderPanel(this);
    this.drawn = false;
    this.scheduleMargin();
  }

  renderCodes() {
    const codes = this.model.get("codes");
    this.tree.setCodes(codes);
    this.parentSelect.replaceChildren(
      ...codes.map((c) => h("option", { value: c.code, text: `${"  ".repeat(c.depth)}${c.label}` })),
    );
    this.parentSelect.value = this.model.get("new_parent");
    this.renderRecent();
    this.paintCodings();
  }

  renderRecent() {
    const recent = this.model.get("recent") || [];
    this.recentNode.hidden = !recent.length;
    this.recentNode.replaceChildren(
      h("span", { class: "rw-hint", text: "Codes récents :" }),
      ...recent.map((code, i) =>
        h(
          "button",
          { type: "button", class: "rw-recent-code", title: `Touche ${i + 1}`, "data-code": code, onclick: () => this.pick(code) },
          h("kbd", { text: String(i + 1) }),
          this.codeChip(code),
        ),
      ),
    );
  }

  renderNav() {
    const docs = this.model.get("documents");
    const position = this.model.get("position");
    this.docSelect.replaceChildren(
      ...docs.map((d) => h("option", { value: d.doc_id, text: `${d.doc_id} — ${shorten(d.title, 60)} (${d.n})` })),
    );
    if (docs[position]) this.docSelect.value = docs[position].doc_id;
    this.prevButton.disabled = position <= 0;
    this.nextButton.disabled = position >= docs.length - 1;
    this.docSelect.disabled = docs.length <= 1;
  }

  renderStatus() {
    const status = this.model.get("status") || {};
    const state = status.state || "idle";
    this.statusNode.dataset.state = state;
    let text = status.message || "";
    if (state === "saved") text = `✓ Enregistré à ${status.time}${status.message ? ` · ${status.message}` : ""}`;
    this.statusNode.textContent = text;
    this.statusNode.title = status.detail || "";
    if (status.seq !== undefined && status.seq !== null) this.root.dataset.acked = String(status.seq);
    // a button that did the change may be gone with the panel: keep the keys in the widget
    const focused = document.activeElement;
    if (!focused || focused === document.body) this.scroll.focus({ preventScroll: true });
    if (status.active) {
      this.sel = null;
      this.paintSelection();
      this.activate(status.active);
    }
  }

  renderHistory() {
    const history = this.model.get("history") || {};
    this.undoButton.disabled = !history.undo;
    this.redoButton.disabled = !history.redo;
    this.undoButton.title = history.undo ? `Annuler : ${history.undo} (Ctrl+Z)` : "Rien à annuler";
    this.redoButton.title = history.redo ? `Rétablir : ${history.redo} (Ctrl+Maj+Z)` : "Rien à rétablir";
  }

  renderOthers() {
    const info = this.model.get("others_info") || {};
    const coders = info.coders || [];
    const counts = coders.map((c) => `${c.coder} : ${plural(c.n, "codage", "codages")}`).join(", ");
    if (!coders.length) {
      this.othersNode.replaceChildren(h("span", { class: "rw-hint", text: "Aucun autre codeur sur ce document." }));
    } else if (info.blind) {
      this.othersNode.replaceChildren(
        h("span", {
          class: "rw-blind",
          text: `Mode aveugle : les codages des autres codeurs (${coders.map((c) => c.coder).join(", ")}) sont masqués pendant le codage de cet échantillon de fidélité.`,
        }),
      );
    } else {
      const box = h("input", {
        type: "checkbox",
        class: "rw-show-others",
        onchange: () => {
          this.model.set("show_others", box.checked);
          this.model.save_changes();
        },
      });
      box.checked = !!this.model.get("show_others");
      this.othersNode.replaceChildren(
        h("label", { class: "rw-toggle" }, box, ` Autres codeurs (${counts})`),
      );
      if (!box.checked) this.othersNode.append(h("span", { class: "rw-blind", text: " — masqués : vous codez sans les voir (mode aveugle)." }));
    }
    this.paintCodings();
    renderPanel(this);
  }

  // -- painting -------------------------------------------------------------------

  styledCodings() {
    const own = this.ownCodings().map((c) => ({ ...c, label: this.tree.label(c.code), color: this.tree.color(c.code) }));
    const others = this.model.get("show_others")
      ? this.model.get("others").map((c) => ({ ...c, label: this.tree.label(c.code), color: this.tree.color(c.code), other: true }))
      : [];
    return { own, others, suggested: styledSuggestions(this) };
  }

  paintCodings() {
    if (!this.text || !this.highlights || this.building) return;
    const { own, others, suggested } = this.styledCodings();
    const codes = this.model.get("codes");
    const index = new Map(codes.map((c, i) => [c.code, i]));
    const rules = {
      sel: "background-color: rgba(33, 150, 243, 0.38);",
      act: "background-color: rgba(0, 0, 0, 0.12); text-decoration: underline 2px rgba(0, 0, 0, 0.75);",
      hov: "background-color: rgba(255, 193, 7, 0.45);",
      oth: "text-decoration: underline dotted 2px rgba(80, 80, 80, 0.8);",
      sug: "text-decoration: underline dashed 2px rgba(106, 27, 154, 0.75);",
      hit: "background-color: rgba(255, 235, 59, 0.65);",
      hit1: "background-color: rgba(255, 152, 0, 0.8);",
      flash: "background-color: rgba(255, 193, 7, 0.7);",
    };
    const byCode = new Map();
    for (const c of own) {
      const name = `c${index.has(c.code) ? index.get(c.code) : "x"}`;
      if (!byCode.has(name)) {
        byCode.set(name, []);
        rules[name] = `background-color: ${rgba(c.color, 0.3)};`;
      }
      byCode.get(name).push(this.text.range(c.start, c.end));
    }
    this.highlights.rules(rules);
    this.highlights.clearWhere((name) => /^c/.test(name) && !byCode.has(name));
    for (const [name, ranges] of byCode) this.highlights.set(name, ranges, 1);
    this.highlights.set("oth", others.map((c) => this.text.range(c.start, c.end)), 2);
    this.highlights.set("sug", suggested.map((c) => this.text.range(c.start, c.end)), 2);
    this.paintActive();
    this.scheduleMargin();
  }

  paintActive() {
    const own = this.ownCodings();
    const chosen = this.active ? own.find((c) => c.key === this.active) : null;
    let ranges = chosen ? [this.text.range(chosen.start, chosen.end)] : [];
    const suggestion = this.activeSuggestion ? findSuggestion(this, this.activeSuggestion) : null;
    if (suggestion) ranges = [this.text.range(suggestion.start, suggestion.end)];
    if (!chosen && this.activeOther) {
      const other = this.model.get("others").find((c) => c.key === this.activeOther.key && c.coder === this.activeOther.coder);
      if (other) ranges = [this.text.range(other.start, other.end)];
    }
    this.highlights.set("act", ranges, 3);
  }

  paintHover(key, coder) {
    const list = key && key.startsWith("s:") ? suggestionsOf(this)
      : coder ? this.model.get("others").filter((c) => c.coder === coder) : this.ownCodings();
    const found = key ? list.find((c) => c.key === key) : null;
    this.highlights.set("hov", found ? [this.text.range(found.start, found.end)] : [], 4);
  }

  paintSelection() {
    if (this.building) return;
    const span = this.selSpan();
    this.highlights.set("sel", span ? [this.text.range(span[0], span[1])] : [], 10);
    if (span && !HAS_HIGHLIGHTS) this.text.showNative(this.sel.anchor, this.sel.focus);
  }

  paintSearch() {
    this.highlights.set("hit", this.hits.map((s) => this.text.range(s.start, s.end)), 5);
    const current = this.hits[this.hit];
    this.highlights.set("hit1", current ? [this.text.range(current.start, current.end)] : [], 6);
  }

  scheduleMargin() {
    if (this.marginPending) return;
    this.marginPending = true;
    requestAnimationFrame(() => {
      this.marginPending = false;
      if (!this.textNode.isConnected || !this.textNode.getClientRects().length) return;
      const { own, others, suggested } = this.styledCodings();
      const reach = this.scroll.clientHeight;
      const view = this.text.spanBetween(this.scroll.scrollTop - reach, this.scroll.scrollTop + 2 * reach);
      this.margin.draw(this.text, own.concat(others, suggested), this.active || this.activeSuggestion, view);
      if (!this.drawn) {
        this.drawn = true;
        if (this.onFirstDraw) this.onFirstDraw();
        requestAnimationFrame(() => {
          this.root.dataset.ready = "1";
          this.root.dataset.renderedAt = String(Date.now());
        });
      }
    });
  }

  // -- selecting --------------------------------------------------------------------

  selSpan() {
    if (!this.sel) return null;
    return [Math.min(this.sel.anchor, this.sel.focus), Math.max(this.sel.anchor, this.sel.focus)];
  }

  activeSpan() {
    const chosen = this.active ? this.ownCodings().find((c) => c.key === this.active) : null;
    return chosen ? [chosen.start, chosen.end] : null;
  }

  setSel(anchor, focus) {
    const a = Math.min(anchor, focus);
    const b = Math.max(anchor, focus);
    const snapped = this.text.snap(a, b);
    if (!snapped) {
      this.clearSel();
      return;
    }
    this.sel = anchor <= focus ? { anchor: snapped.start, focus: snapped.end } : { anchor: snapped.end, focus: snapped.start };
    if (HAS_HIGHLIGHTS) window.getSelection().removeAllRanges();
    this.paintSelection();
    this.updateActions();
    renderPanel(this);
  }

  clearSel() {
    this.sel = null;
    this.paintSelection();
    this.updateActions();
    renderPanel(this);
  }

  updateActions() {
    const span = this.selSpan();
    this.inVivoButton.disabled = !span;
    if (!span) {
      this.selInfo.textContent = "Sélectionnez un passage à la souris ou avec Maj+flèches, puis cliquez un code.";
      this.root.dataset.selection = "";
      return;
    }
    const words = this.text.text.slice(span[0], span[1]);
    const n = words.split(/\s+/).filter(Boolean).length;
    this.selInfo.replaceChildren(h("span", { class: "rw-hint", text: `Sélection (${plural(n, "mot", "mots")}) : ` }), h("q", { text: shorten(words, 90) }));
    this.root.dataset.selection = `${span[0]}-${span[1]}`;
  }

  afterMouse() {
    const chosen = this.text.selection();
    if (chosen) {
      this.setSel(chosen.start, chosen.end);
    } else {
      const at = this.text.caret();
      if (at !== null) {
        this.caretAt = at;
        const here = this.ownCodings()
          .filter((c) => c.start <= at && at < c.end)
          .sort((a, b) => a.end - a.start - (b.end - b.start));
        this.sel = null;
        this.paintSelection();
        this.updateActions();
        const suggested = here.length ? null : suggestionAt(this, at);
        if (here.length) this.activate(here[0].key);
        else if (suggested) this.activateSuggestion(suggested.key);
        else this.deactivate();
      }
    }
    this.scroll.focus({ preventScroll: true });
  }

  /** Shift+arrows: move the free end of the selection by words (left, right) or lines. */
  extend(key) {
    let anchor;
    let focus;
    if (this.sel) ({ anchor, focus } = this.sel);
    else {
      const word = this.text.wordAt(this.caretAt || 0);
      anchor = word ? word.start : this.text.nextWordStart(this.caretAt || 0);
      focus = anchor;
    }
    const text = this.text;
    if (key === "ArrowRight") focus = focus >= anchor ? text.nextWordEnd(focus) : text.nextWordStart(focus);
    else if (key === "ArrowLeft") focus = focus > anchor ? text.previousWordEnd(focus) : text.previousWordStart(focus);
    else {
      text.showNative(anchor, focus);
      const sel = window.getSelection();
      sel.modify("extend", key === "ArrowDown" ? "forward" : "backward", "line");
      const moved = text.positionOf(sel.focusNode, sel.focusOffset, key === "ArrowDown" ? "backward" : "forward");
      const word = text.wordAt(moved);
      focus = word ? (key === "ArrowDown" ? word.end : word.start) : moved;
    }
    if (focus === anchor) {
      this.sel = { anchor, focus };
      this.paintSelection();
      return;
    }
    this.setSel(anchor, focus);
    const [point] = text.pointOf(focus, "end");
    if (point.parentElement) point.parentElement.scrollIntoView({ block: "nearest" });
  }

  keys(event) {
    const key = event.key;
    const ctrl = event.ctrlKey || event.metaKey;
    let handled = true;
    if (event.altKey && key.toLowerCase() === "s") this.gotoSuggestion();
    else if (this.activeSuggestion && key === "Enter") this.decide("accept");
    else if (this.activeSuggestion && (key === "Delete" || key === "Backspace")) this.decide("reject");
    else if (event.shiftKey && !ctrl && !event.altKey && key.startsWith("Arrow")) this.extend(key);
    else if (key === "Escape") {
      this.recodeMode = false;
      this.clearSel();
      this.deactivate();
    } else if (ctrl && !event.shiftKey && key.toLowerCase() === "z") this.send({ type: "undo" });
    else if (ctrl && ((event.shiftKey && key.toLowerCase() === "z") || key.toLowerCase() === "y")) this.send({ type: "redo" });
    else if ((key === "Delete" || key === "Backspace") && this.active) this.send({ type: "remove", keys: [this.active] });
    else if (event.altKey && key.toLowerCase() === "i") this.inVivo();
    else if (event.altKey && key.toLowerCase() === "n") this.tree.openCreate(this.parentSelect.value || null);
    else if (/^[1-9]$/.test(key) && !ctrl && !event.altKey) {
      const code = (this.model.get("recent") || [])[Number(key) - 1];
      if (code) this.pick(code);
    } else if (key.length === 1 && /\p{L}/u.test(key) && !ctrl && !event.altKey) {
      this.tree.focusSearch(key);
    } else handled = false;
    if (handled) event.preventDefault();
  }

  // -- codings --------------------------------------------------------------------

  activate(key) {
    this.active = key;
    this.activeOther = null;
    this.activeSuggestion = null;
    this.paintActive();
    renderPanel(this);
    this.scheduleMargin();
    this.root.dataset.active = key || "";
  }

  activateOther(key, coder) {
    this.active = null;
    this.activeOther = { key, coder };
    this.activeSuggestion = null;
    this.paintActive();
    renderPanel(this);
    this.root.dataset.active = "";
  }

  deactivate() {
    this.active = null;
    this.activeOther = null;
    this.activeSuggestion = null;
    this.root.dataset.suggestion = "";
    this.recodeMode = false;
    this.paintActive();
    renderPanel(this);
    this.scheduleMargin();
    this.root.dataset.active = "";
  }

  activateSuggestion(key) {
    this.active = null;
    this.activeOther = null;
    this.activeSuggestion = key;
    this.paintActive();
    renderPanel(this);
    this.scheduleMargin();
    this.root.dataset.active = "";
    this.root.dataset.suggestion = key || "";
  }

  /** Show the next suggestion to review (after the caret, or the one shown). */
  gotoSuggestion() {
    const next = nextSuggestion(this);
    if (!next) {
      this.say("Aucune suggestion à revoir dans ce document.");
      return;
    }
    this.sel = null;
    this.paintSelection();
    this.updateActions();
    this.caretAt = next.start;
    this.reveal(next.start, next.end);
    this.activateSuggestion(next.key);
    this.scroll.focus({ preventScroll: true });
  }

  /** Accept or reject the suggestion shown; the next one is shown once it is done. */
  decide(verdict) {
    const suggestion = findSuggestion(this, this.activeSuggestion);
    if (!suggestion) return;
    this.advanceFrom = suggestion.start;
    this.send({ type: verdict, key: suggestion.key });
  }

  /** The suggestions changed: after a decision, show the next one still to review. */
  suggestionsChanged() {
    if (this.activeSuggestion && !findSuggestion(this, this.activeSuggestion)) this.activeSuggestion = null;
    const from = this.advanceFrom;
    this.advanceFrom = null;
    renderSuggestionCount(this);
    this.paintCodings();
    if (from !== null && !this.activeSuggestion) {
      const list = suggestionsOf(this).slice().sort((a, b) => a.start - b.start);
      const next = list.find((s) => s.start >= from) || list[0];
      if (next) {
        this.caretAt = next.start;
        this.reveal(next.start, next.end);
        this.activateSuggestion(next.key);
        return;
      }
      this.deactivate();
      return;
    }
    renderPanel(this);
  }

  /** A code chosen in the tree, the recent codes or by the keyboard. */
  pick(code) {
    const info = this.tree.byCode.get(code);
    if (!info) return;
    if (this.tree.query) this.tree.clear();
    if (!info.codable) {
      this.say(`« ${info.label} » est une catégorie : choisissez l'un de ses codes, ou créez-en un avec +.`);
      return;
    }
    const span = this.selSpan();
    if (this.recodeMode && this.active) {
      this.recodeMode = false;
      this.send({ type: "recode", key: this.active, code });
    } else if (span) {
      this.send({ type: "code", start: span[0], end: span[1], codes: [code] });
    } else if (this.active) {
      const [start, end] = this.activeSpan();
      this.send({ type: "code", start, end, codes: [code] });
    } else {
      const next = this.ownCodings()
        .filter((c) => c.code === code)
        .sort((a, b) => a.start - b.start)
        .find((c) => c.start > (this.caretAt || -1));
      const first = next || this.ownCodings().find((c) => c.code === code);
      if (first) {
        this.caretAt = first.start;
        this.reveal(first.start, first.end);
        this.activate(first.key);
        this.say(`Passage suivant codé « ${info.label} ». Sélectionnez un passage pour le coder.`);
      } else this.say("Sélectionnez d'abord un passage, puis cliquez le code.");
    }
    this.scroll.focus({ preventScroll: true });
  }

  inVivo() {
    const span = this.selSpan();
    if (!span) {
      this.say("Sélectionnez les mots qui nommeront le code in vivo.");
      return;
    }
    this.send({ type: "in_vivo", start: span[0], end: span[1], parent: this.parentSelect.value || null });
  }

  send(message) {
    this.seq += 1;
    this.root.dataset.sent = String(this.seq);
    this.statusNode.dataset.state = "saving";
    this.statusNode.textContent = "Enregistrement…";
    this.model.send({ ...message, seq: this.seq });
  }

  say(message) {
    this.statusNode.dataset.state = "hint";
    this.statusNode.textContent = message;
  }

  // -- search and focus ---------------------------------------------------------------

  find(query) {
    this.hits = query.trim() ? this.text.search(query) : [];
    this.hit = this.hits.length ? 0 : -1;
    this.hitCount.textContent = query.trim() ? `${this.hits.length ? this.hit + 1 : 0} / ${this.hits.length}` : "";
    this.paintSearch();
    if (this.hit >= 0) this.reveal(this.hits[0].start, this.hits[0].end);
  }

  step(direction) {
    if (!this.hits.length) return;
    this.hit = (this.hit + direction + this.hits.length) % this.hits.length;
    this.hitCount.textContent = `${this.hit + 1} / ${this.hits.length}`;
    this.paintSearch();
    this.reveal(this.hits[this.hit].start, this.hits[this.hit].end);
  }

  reveal(start) {
    // blocks far away are laid out only when shown (content-visibility), so the place
    // is known exactly once its neighbours are: scroll, then adjust on the next frame
    const place = () => {
      const block = this.text.blockAt(start);
      const top = block.getBoundingClientRect().top - this.scroll.getBoundingClientRect().top + this.scroll.scrollTop;
      this.scroll.scrollTop = Math.max(0, top - this.scroll.clientHeight / 3);
    };
    place();
    requestAnimationFrame(place);
  }

  focusOn(focus) {
    if (!focus || focus.start === undefined) return;
    this.reveal(focus.start, focus.end);
    this.highlights.set("flash", [this.text.range(focus.start, focus.end)], 7);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.highlights.set("flash", []), 2500);
    if (focus.key) this.activate(focus.key);
  }

  dispose() {
    this.resize.disconnect();
    this.highlights.dispose();
  }
}
