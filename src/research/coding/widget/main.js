// The entry point anywidget loads: one render function for both widgets.

function renderDocumentWidget(model, el) {
  const view = new DocumentView(model, el);
  const later = (fn) => () => queueMicrotask(fn); // after every attribute of a change is set
  model.on("change:doc", () => view.renderDocument());
  model.on("change:codes", () => view.renderCodes());
  model.on("change:recent", () => view.renderRecent());
  model.on("change:codings", () => {
    view.paintCodings();
    renderPanel(view);
  });
  model.on("change:others", () => {
    view.paintCodings();
    renderPanel(view);
  });
  model.on("change:others_info", () => view.renderOthers());
  model.on("change:suggestions", () => view.suggestionsChanged());
  model.on("change:show_others", () => view.renderOthers());
  model.on("change:documents", () => view.renderNav());
  model.on("change:position", () => view.renderNav());
  model.on("change:history", () => view.renderHistory());
  model.on("change:new_parent", () => (view.parentSelect.value = model.get("new_parent")));
  model.on("change:status", later(() => view.renderStatus()));
  model.on("change:spot", later(() => view.drawn && view.focusOn(model.get("spot"))));
  view.onFirstDraw = () => view.focusOn(model.get("spot"));
  return () => view.dispose();
}

function renderBrowserWidget(model, el) {
  const view = new BrowserView(model, el);
  model.on("change:codes", () => view.renderCodes());
  model.on("change:coders", () => view.renderCodes());
  model.on("change:passages", () => view.renderPassages());
  model.on("change:acked", () => view.renderPassages());
  return () => {};
}

export default {
  render({ model, el }) {
    return model.get("view") === "browser" ? renderBrowserWidget(model, el) : renderDocumentWidget(model, el);
  },
};
