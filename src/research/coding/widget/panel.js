// The panel of the coding chosen in the text or the margin: its codes, its memo,
// the other codings of the same place (this coder's and, unless hidden, the
// other coders'), and what can be done with it: remove, recode, extend or shrink.

function renderPanel(view) {
  const panel = view.panelNode;
  const suggestion = view.activeSuggestion ? findSuggestion(view, view.activeSuggestion) : null;
  if (suggestion) {
    renderSuggestionPanel(view, suggestion);
    return;
  }
  const own = view.ownCodings();
  let chosen = view.active ? own.find((c) => c.key === view.active) : null;
  let other = null;
  if (!chosen && view.activeOther) {
    other = view.model.get("others").find((c) => c.key === view.activeOther.key && c.coder === view.activeOther.coder);
  }
  if (!chosen && !other) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  panel.hidden = false;
  const place = chosen || other;
  const tree = view.tree;
  const quote = view.text.text.slice(place.start, place.end);
  const nodes = [
    h(
      "div",
      { class: "rw-panel-head" },
      h("b", { text: chosen ? "Passage codé" : `Passage codé par ${other.coder}` }),
      h("button", { type: "button", class: "rw-close", title: "Fermer (Échap)", text: "×", onclick: () => view.deactivate() }),
    ),
    h("blockquote", { class: "rw-quote", text: shorten(quote, 400) }),
  ];
  if (other) {
    nodes.push(
      h("div", { class: "rw-panel-codes" }, view.codeChip(other.code)),
      other.memo ? h("p", { class: "rw-memo-read", text: `Note : ${other.memo}` }) : null,
      h("button", {
        type: "button",
        class: "rw-button",
        text: `Coder aussi ce passage avec « ${tree.label(other.code)} »`,
        onclick: () => view.send({ type: "code", start: other.start, end: other.end, codes: [other.code] }),
      }),
    );
    panel.replaceChildren(...nodes.filter(Boolean));
    return;
  }
  const same = own.filter((c) => c.start === chosen.start && c.end === chosen.end);
  nodes.push(h("div", { class: "rw-panel-title", text: same.length > 1 ? "Codes de ce passage" : "Code de ce passage" }));
  for (const c of same) {
    nodes.push(
      h(
        "div",
        { class: c.key === chosen.key ? "rw-panel-code rw-chosen" : "rw-panel-code", dataset: { key: c.key } },
        h("button", { type: "button", class: "rw-link", title: "Choisir ce codage", onclick: () => view.activate(c.key) }, view.codeChip(c.code)),
        h("button", {
          type: "button",
          class: "rw-button",
          "data-action": "recode",
          title: "Choisir un autre code dans l'arbre pour remplacer celui-ci",
          text: view.recodeMode && c.key === chosen.key ? "Choisissez le code…" : "Recoder",
          onclick: () => {
            view.activate(c.key);
            view.recodeMode = true;
            view.say("Cliquez dans l'arbre le code qui remplace celui-ci (Échap pour annuler).");
            renderPanel(view);
          },
        }),
        h("button", {
          type: "button",
          class: "rw-button rw-danger",
          "data-action": "remove",
          title: "Retirer ce codage (Suppr)",
          text: "Retirer",
          onclick: () => view.send({ type: "remove", keys: [c.key] }),
        }),
      ),
    );
  }
  const memo = h("textarea", { class: "rw-memo", rows: 3, placeholder: "Note sur ce codage…", "aria-label": "Note sur ce codage" });
  memo.value = chosen.memo || "";
  const saveMemo = () => view.send({ type: "memo", key: chosen.key, memo: memo.value });
  memo.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) saveMemo();
    event.stopPropagation();
  });
  nodes.push(
    h("label", { class: "rw-panel-title", text: "Note" }),
    memo,
    h("button", { type: "button", class: "rw-button", "data-action": "memo", text: "Enregistrer la note", title: "Ctrl+Entrée", onclick: saveMemo }),
  );
  const text = view.text;
  const resize = (start, end) => {
    if (end > start) view.send({ type: "resize", key: chosen.key, start, end });
  };
  nodes.push(
    h("div", { class: "rw-panel-title", text: "Étendre ou réduire" }),
    h(
      "div",
      { class: "rw-resize" },
      h("button", { type: "button", class: "rw-button", "data-action": "start-left", title: "Commencer un mot plus tôt", text: "◂ début", onclick: () => resize(text.previousWordStart(chosen.start), chosen.end) }),
      h("button", { type: "button", class: "rw-button", "data-action": "start-right", title: "Commencer un mot plus tard", text: "début ▸", onclick: () => resize(text.nextWordStart(chosen.start), chosen.end) }),
      h("button", { type: "button", class: "rw-button", "data-action": "end-left", title: "Finir un mot plus tôt", text: "◂ fin", onclick: () => resize(chosen.start, text.previousWordEnd(chosen.end)) }),
      h("button", { type: "button", class: "rw-button", "data-action": "end-right", title: "Finir un mot plus tard", text: "fin ▸", onclick: () => resize(chosen.start, text.nextWordEnd(chosen.end)) }),
    ),
    h("button", {
      type: "button",
      class: "rw-button",
      "data-action": "fit",
      disabled: !view.sel,
      title: "Donner à ce codage le passage sélectionné",
      text: "Ajuster à la sélection",
      onclick: () => view.sel && resize(...view.selSpan()),
    }),
  );
  const overlapping = own.filter((c) => c.key !== chosen.key && c.start < chosen.end && chosen.start < c.end && !same.includes(c));
  if (overlapping.length) {
    nodes.push(h("div", { class: "rw-panel-title", text: "Autres codages qui le chevauchent" }));
    for (const c of overlapping) {
      nodes.push(h("button", { type: "button", class: "rw-link rw-panel-other", onclick: () => view.activate(c.key) }, view.codeChip(c.code), ` « ${shorten(view.text.text.slice(c.start, c.end), 60)} »`));
    }
  }
  nodes.push(h("div", { class: "rw-panel-title", text: "Autres codeurs" }));
  const info = view.model.get("others_info") || {};
  if (!(info.coders || []).length) {
    nodes.push(h("p", { class: "rw-hint", text: "Aucun autre codeur n'a codé ce document." }));
  } else if (info.blind) {
    nodes.push(h("p", { class: "rw-hint", text: "Masqués (mode aveugle)." }));
  } else if (!view.model.get("show_others")) {
    nodes.push(h("p", { class: "rw-hint", text: "Masqués : cochez « Autres codeurs » pour les voir." }));
  } else {
    const theirs = view.model.get("others").filter((c) => c.start < chosen.end && chosen.start < c.end);
    if (!theirs.length) nodes.push(h("p", { class: "rw-hint", text: "Aucun codage d'un autre codeur à cet endroit." }));
    for (const c of theirs) {
      const how = c.start === chosen.start && c.end === chosen.end ? "même passage" : "chevauchement";
      nodes.push(
        h(
          "div",
          { class: "rw-panel-theirs" },
          h("b", { text: c.coder }),
          " ",
          view.codeChip(c.code),
          h("span", { class: "rw-hint", text: ` (${how})` }),
          c.memo ? h("div", { class: "rw-memo-read", text: `Note : ${c.memo}` }) : null,
        ),
      );
    }
  }
  panel.replaceChildren(...nodes.filter(Boolean));
}
