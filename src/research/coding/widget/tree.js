// The codebook as a searchable tree: colours, counts, a "+" to create a code.
// Shared by the document widget (counts of the coder: in this document / in all)
// and the code browser (counts per coder).

class CodeTree {
  /**
   * @param {object} options
   *   onPick(code, event)     a code was chosen (click, or Enter in the search field)
   *   onCreate(parent, label) a new code was asked for (null parent: a new tree)
   *   onEscape()              Escape in the search field
   *   coders                  list of coders whose counts are columns (code browser)
   */
  constructor(options) {
    this.options = options;
    this.codes = [];
    this.byCode = new Map();
    this.collapsed = new Set();
    this.query = "";
    this.active = -1; // index in the visible codable rows, for the keyboard
    this.current = null; // the code chosen last (code browser)
    this.pickable = () => true;
    this.search = h("input", {
      class: "rw-tree-search",
      type: "search",
      placeholder: "Chercher un code…",
      "aria-label": "Chercher un code",
      oninput: () => {
        this.query = this.search.value;
        this.active = this.query ? 0 : -1;
        this.render();
      },
      onkeydown: (event) => this._keys(event),
    });
    this.list = h("div", { class: "rw-tree-list", role: "tree" });
    this.list.addEventListener("click", (event) => this._click(event));
    this.form = null;
    this.element = h("div", { class: "rw-tree" }, this.search, this.list);
  }

  setCodes(codes) {
    this.codes = codes;
    this.byCode = new Map(codes.map((c) => [c.code, c]));
    this.render();
  }

  label(code) {
    const c = this.byCode.get(code);
    return c ? c.label : `${code} (inconnu)`;
  }

  color(code) {
    const c = this.byCode.get(code);
    return safeColor(c ? c.color : null);
  }

  /** Codes shown: all (minus collapsed branches), or the matches and their parents. */
  visible() {
    if (!this.query.trim()) {
      const hidden = new Set();
      return this.codes.filter((c) => {
        if (c.parent && (hidden.has(c.parent) || this.collapsed.has(c.parent))) {
          hidden.add(c.code);
          return false;
        }
        return true;
      });
    }
    const wanted = foldText(this.query.trim());
    const keep = new Set();
    for (const c of this.codes) {
      const words = foldText(`${c.label} ${c.code}`);
      if (words.includes(wanted)) {
        keep.add(c.code);
        let parent = c.parent;
        while (parent && !keep.has(parent)) {
          keep.add(parent);
          parent = (this.byCode.get(parent) || {}).parent;
        }
      }
    }
    return this.codes.filter((c) => keep.has(c.code));
  }

  /** The codable codes the keyboard moves through. */
  choices() {
    const wanted = foldText(this.query.trim());
    return this.visible().filter((c) => c.codable && (!wanted || foldText(`${c.label} ${c.code}`).includes(wanted)));
  }

  render() {
    const rows = this.visible();
    const choices = this.choices();
    const activeCode = this.active >= 0 && choices.length ? choices[Math.min(this.active, choices.length - 1)].code : null;
    const hasKids = new Set(this.codes.map((c) => c.parent).filter(Boolean));
    const fragment = document.createDocumentFragment();
    for (const c of rows) {
      const classes = ["rw-code"];
      if (!c.codable) classes.push("rw-category");
      if (c.code === activeCode) classes.push("rw-keyboard");
      if (c.code === this.current) classes.push("rw-current");
      const twisty = hasKids.has(c.code)
        ? h("button", {
            class: "rw-twisty",
            type: "button",
            title: this.collapsed.has(c.code) ? "Déplier" : "Replier",
            "data-action": "toggle",
            text: this.collapsed.has(c.code) ? "▸" : "▾",
          })
        : h("span", { class: "rw-twisty" });
      const title = [c.label, c.code, c.definition].filter(Boolean).join("\n");
      const row = h(
        "div",
        {
          class: classes.join(" "),
          role: "treeitem",
          "aria-level": c.depth + 1,
          title,
          dataset: { code: c.code },
          style: { "padding-left": `${0.3 + 0.9 * c.depth}em` },
        },
        twisty,
        h("span", { class: "rw-swatch", style: { background: safeColor(c.color) } }),
        h("span", { class: "rw-code-label", text: c.label }),
        this._counts(c),
        h("button", { class: "rw-add", type: "button", title: `Nouveau code sous « ${c.label} »`, "data-action": "add", text: "+" }),
      );
      fragment.append(row);
      if (this.form && this.form.parent === c.code) fragment.append(this.form.node);
    }
    if (this.form && this.form.parent === null) fragment.append(this.form.node);
    if (!rows.length) fragment.append(h("p", { class: "rw-empty", text: "Aucun code ne correspond." }));
    this.list.replaceChildren(fragment);
    const keyboard = this.list.querySelector(".rw-keyboard");
    if (keyboard) keyboard.scrollIntoView({ block: "nearest" });
  }

  _counts(c) {
    if (this.options.coders) {
      return h(
        "span",
        { class: "rw-counts" },
        this.options.coders.map((coder) =>
          h("span", { class: "rw-count", title: `${coder} : ${c.counts[coder] || 0}`, text: String(c.counts[coder] || 0) }),
        ),
      );
    }
    return h(
      "span",
      { class: "rw-counts", title: `${c.n} dans ce document, ${c.total} en tout` },
      h("span", { class: c.n ? "rw-count rw-here" : "rw-count", text: String(c.n) }),
      h("span", { class: "rw-count rw-total", text: String(c.total) }),
    );
  }

  _click(event) {
    const row = event.target.closest(".rw-code");
    if (!row) return;
    const code = row.dataset.code;
    const action = event.target.closest("[data-action]");
    if (action && action.dataset.action === "toggle") {
      if (this.collapsed.has(code)) this.collapsed.delete(code);
      else this.collapsed.add(code);
      this.render();
      return;
    }
    if (action && action.dataset.action === "add") {
      this.openCreate(code);
      return;
    }
    this.options.onPick(code, event);
  }

  _keys(event) {
    const choices = this.choices();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!choices.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (Math.max(this.active, 0) + step + choices.length) % choices.length;
      this.render();
      event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (choices.length) this.options.onPick(choices[Math.max(0, Math.min(this.active, choices.length - 1))].code, event);
    } else if (event.key === "Escape") {
      this.clear();
      if (this.options.onEscape) this.options.onEscape();
    }
    event.stopPropagation();
  }

  clear() {
    this.search.value = "";
    this.query = "";
    this.active = -1;
    this.render();
  }

  /** Start searching with a first letter typed elsewhere. */
  focusSearch(initial) {
    this.search.focus();
    if (initial) {
      this.search.value = initial;
      this.query = initial;
      this.active = 0;
      this.render();
    }
  }

  /** Show the form creating a code under ``parent`` (null: a new tree). */
  openCreate(parent, label) {
    const input = h("input", {
      type: "text",
      class: "rw-new-label",
      placeholder: "Libellé du nouveau code",
      "aria-label": "Libellé du nouveau code",
    });
    if (label) input.value = label;
    const create = () => {
      const text = input.value.trim();
      if (!text) return;
      this.form = null;
      this.render();
      this.options.onCreate(parent, text);
    };
    const close = () => {
      this.form = null;
      this.render();
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") create();
      if (event.key === "Escape") close();
      event.stopPropagation();
    });
    const under = parent ? `Sous « ${this.label(parent)} »` : "Nouvel arbre";
    const node = h(
      "div",
      { class: "rw-new-code" },
      h("div", { class: "rw-new-where", text: under }),
      input,
      h("button", { type: "button", class: "rw-button rw-primary", onclick: create, text: "Créer" }),
      h("button", { type: "button", class: "rw-button", onclick: close, text: "Annuler" }),
    );
    this.form = { parent, node };
    if (parent) this.collapsed.delete(parent);
    this.clear();
    input.focus();
    return input;
  }
}
