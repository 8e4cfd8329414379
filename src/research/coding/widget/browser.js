// The code browser: the codebook with counts per coder; a code's passages with
// their context; "Ouvrir" shows one in the document widget below.

class BrowserView {
  constructor(model, el) {
    this.model = model;
    this.el = el;
    this.seq = 0;
    this.tree = new CodeTree({
      coders: model.get("coders"),
      onPick: (code) => this.send({ type: "pick", code }),
      onCreate: () => {},
    });
    this.tree.element.classList.add("rw-no-add");
    this.coderSelect = h("select", {
      class: "rw-coder-filter",
      "aria-label": "Codeur",
      onchange: () => this.send({ type: "filter", coder: this.coderSelect.value }),
    });
    this.heading = h("div", { class: "rw-passages-head" });
    this.list = h("div", { class: "rw-passages" });
    this.list.addEventListener("click", (event) => {
      const button = event.target.closest("[data-index]");
      if (button) this.send({ type: "open", index: Number(button.dataset.index) });
    });
    this.root = h(
      "div",
      { class: "rw rw-browser", "data-lm-suppress-shortcuts": "true", dataset: { sent: "0", acked: "0" } },
      h(
        "div",
        { class: "rw-bar" },
        h("b", { text: "Codes et passages" }),
        h("span", { class: "rw-group" }, h("label", { class: "rw-hint", text: "Codeur :" }), this.coderSelect),
        h("span", { class: "rw-hint rw-coders", text: `Colonnes : ${model.get("coders").join(", ") || "aucun codeur"}` }),
      ),
      h("div", { class: "rw-main" }, h("div", { class: "rw-side" }, this.tree.element), h("div", { class: "rw-scroll" }, this.heading, this.list)),
    );
    this.root.addEventListener("keydown", (event) => event.stopPropagation());
    this.root.addEventListener("mousedown", (event) => event.stopPropagation());
    el.append(this.root);
    this.renderCodes();
    this.renderPassages();
  }

  send(message) {
    this.seq += 1;
    this.root.dataset.sent = String(this.seq);
    this.model.send({ ...message, seq: this.seq });
  }

  renderCodes() {
    this.tree.options.coders = this.model.get("coders");
    this.tree.setCodes(this.model.get("codes"));
    const coders = this.model.get("coders");
    this.coderSelect.replaceChildren(
      h("option", { value: "", text: "tous" }),
      ...coders.map((c) => h("option", { value: c, text: c })),
    );
    this.coderSelect.value = this.model.get("coder_filter");
  }

  renderPassages() {
    const chosen = this.model.get("chosen");
    const passages = this.model.get("passages");
    const total = this.model.get("n_passages");
    this.tree.current = chosen || null;
    this.tree.render();
    this.root.dataset.acked = String(this.model.get("acked"));
    if (!chosen) {
      this.heading.replaceChildren(h("p", { class: "rw-hint", text: "Cliquez un code pour voir ses passages." }));
      this.list.replaceChildren();
      return;
    }
    const more = total > passages.length ? ` (les ${passages.length} premiers)` : "";
    this.heading.replaceChildren(
      h("h3", { class: "rw-title" }, this.tree.label(chosen)),
      h("div", { class: "rw-desc", text: `${chosen} · ${plural(total, "passage", "passages")}${more}, sous-codes compris` }),
    );
    this.list.replaceChildren(
      ...passages.map((p, i) =>
        h(
          "article",
          { class: "rw-passage" },
          h(
            "div",
            { class: "rw-passage-head" },
            h("span", { class: "rw-swatch", style: { background: this.tree.color(p.code) } }),
            h("b", { text: this.tree.label(p.code) }),
            h("span", { class: "rw-hint", text: ` · ${p.citation} · ${p.coder}` }),
            h("button", { type: "button", class: "rw-button", "data-index": String(i), text: "Ouvrir", title: "Ouvrir ce passage dans le document" }),
          ),
          h(
            "p",
            { class: "rw-kwic" },
            h("span", { class: "rw-context", text: p.before ? `…${p.before}` : "" }),
            h("mark", { class: "rw-quoted", text: p.quote }),
            h("span", { class: "rw-context", text: p.after ? `${p.after}…` : "" }),
          ),
          p.memo ? h("p", { class: "rw-memo-read", text: `Note : ${p.memo}` }) : null,
        ),
      ),
    );
  }
}
