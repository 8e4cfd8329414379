// Suggestions to review (research.coding._widget_suggestions): dashed stripes in the
// margin and a dashed underline in the text. Choosing one (a click on its stripe or
// in its passage, or Alt+S for the next) shows its code, probability and the words
// that weighed most; Enter accepts it (it becomes a coding of this coder, saved at
// once), Suppr rejects it (never suggested again). Nothing is coded otherwise.

function suggestionsOf(view) {
  return view.model.get("suggestions") || [];
}

function percent(probability) {
  return probability === null || probability === undefined ? "" : `${Math.round(probability * 100)} %`;
}

/** The suggestions as the margin draws them: dashed, labelled with a question mark. */
function styledSuggestions(view) {
  return suggestionsOf(view).map((s) => ({
    ...s,
    label: `${view.tree.label(s.code)} ? ${percent(s.probability)}`.trim(),
    color: view.tree.color(s.code),
    suggestion: true,
  }));
}

function findSuggestion(view, key) {
  return suggestionsOf(view).find((s) => s.key === key) || null;
}

/** The next suggestion after the caret (or the chosen one), from the top again at the end. */
function nextSuggestion(view) {
  const list = suggestionsOf(view).slice().sort((a, b) => a.start - b.start || a.end - b.end);
  if (!list.length) return null;
  const chosen = view.activeSuggestion ? findSuggestion(view, view.activeSuggestion) : null;
  const from = chosen ? chosen.start : view.caretAt === null ? -1 : view.caretAt;
  const after = list.filter((s) => s.start > from || (chosen && s.start === from && s.key > chosen.key));
  return after.length ? after[0] : list[0];
}

function suggestionAt(view, at) {
  return suggestionsOf(view)
    .filter((s) => s.start <= at && at < s.end)
    .sort((a, b) => (b.probability || 0) - (a.probability || 0))[0] || null;
}

function renderSuggestionCount(view) {
  const n = suggestionsOf(view).length;
  view.suggestNode.hidden = !n;
  view.suggestCount.textContent = n ? `${plural(n, "suggestion", "suggestions")} à revoir` : "";
  view.root.dataset.suggestions = String(n);
}

function renderSuggestionPanel(view, suggestion) {
  const panel = view.panelNode;
  const quote = view.text.text.slice(suggestion.start, suggestion.end);
  const accept = () => view.send({ type: "accept", key: suggestion.key });
  const reject = () => view.send({ type: "reject", key: suggestion.key });
  const nodes = [
    h(
      "div",
      { class: "rw-panel-head" },
      h("b", { text: "Suggestion à revoir" }),
      h("button", { type: "button", class: "rw-close", title: "Fermer (Échap)", text: "×", onclick: () => view.deactivate() }),
    ),
    h("blockquote", { class: "rw-quote rw-suggested-quote", text: shorten(quote, 400) }),
    h("div", { class: "rw-panel-codes" }, view.codeChip(suggestion.code)),
    h("p", {
      class: "rw-hint",
      text: `Probabilité ${percent(suggestion.probability)} selon le modèle ${suggestion.model || ""}, appris sur vos codages.`.replace(" ,", ","),
    }),
  ];
  if (suggestion.words) {
    nodes.push(h("div", { class: "rw-panel-title", text: "Les mots qui ont pesé" }), h("p", { class: "rw-suggested-words", text: suggestion.words }));
  }
  nodes.push(
    h(
      "div",
      { class: "rw-resize" },
      h("button", { type: "button", class: "rw-button rw-primary", "data-action": "accept", title: "Coder ce passage avec ce code (Entrée)", text: "Accepter", onclick: accept }),
      h("button", { type: "button", class: "rw-button rw-danger", "data-action": "reject", title: "Ne plus le proposer (Suppr)", text: "Rejeter", onclick: reject }),
      h("button", { type: "button", class: "rw-button", "data-action": "next-suggestion", title: "Suggestion suivante (Alt+S)", text: "Suivante ▸", onclick: () => view.gotoSuggestion() }),
    ),
    h("p", { class: "rw-hint", text: "Rien n'est codé sans votre accord : une suggestion laissée de côté reste une suggestion." }),
  );
  panel.hidden = false;
  panel.replaceChildren(...nodes);
}
