/* Hand-written. Mounts Pagefind's search UI on the search page. Material's instant
   navigation swaps pages without reloading, so mount on every page change. */
(function () {
  function siteRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base + "/", window.location.href);
  }

  function load(url, tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      el.onload = resolve;
      el.onerror = reject;
      el.setAttribute(tag === "script" ? "src" : "href", url);
      document.head.appendChild(el);
    });
  }

  /* The index is split in bundles (pagefind/shards.json lists them) that Pagefind
     merges into one search; the first one's files serve the UI. Pagefind's modular
     UI: a fifth of the bytes of its full UI (every byte counts on a reader's first
     search), and results fetch their excerpts only as they scroll into view. */
  var ready = null;
  function pagefindUI() {
    if (!ready) {
      var root = new URL("pagefind/", siteRoot());
      ready = fetch(new URL("shards.json", root).href).then(function (response) {
        if (!response.ok) throw new Error("no search index");
        return response.json();
      }).then(function (list) {
        var bundles = list.bundles.map(function (b) { return new URL(b, root); });
        if (!bundles.length) throw new Error("empty search index");
        return Promise.all([
          load(new URL("pagefind-modular-ui.css", bundles[0]).href, "link", { rel: "stylesheet" }),
          load(new URL("pagefind-modular-ui.js", bundles[0]).href, "script", {}),
        ]).then(function () { return bundles; });
      });
    }
    return ready;
  }

  function part(box, tag, id) {
    var el = document.createElement(tag);
    el.id = id;
    box.appendChild(el);
    return el;
  }

  function mount() {
    var box = document.getElementById("pagefind-search");
    if (!box || box.dataset.mounted) return;
    box.dataset.mounted = "yes";
    pagefindUI().then(function (bundles) {
      var ui = window.PagefindModularUI;
      part(box, "div", "pagefind-input");
      part(box, "p", "pagefind-summary").setAttribute("aria-live", "polite");
      part(box, "ul", "pagefind-results");
      var instance = new ui.Instance({
        bundlePath: bundles[0].pathname,
        mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b.pathname }; }),
        // Pagefind favours short pages by default, which ranks one-line entity pages
        // above the explainers that discuss a thing at length.
        ranking: { pageLength: 0.1 },
      });
      instance.add(new ui.Input({ containerElement: "#pagefind-input", debounceTimeoutMs: 150 }));
      instance.add(new ui.Summary({ containerElement: "#pagefind-summary" }));
      instance.add(new ui.ResultList({ containerElement: "#pagefind-results", showImages: false }));
      var input = box.querySelector("input");
      if (input) input.setAttribute("aria-label", "Search the explainers");
      // Not "q": Material opens its own search dialog for that one.
      var query = new URLSearchParams(window.location.search).get("query");
      if (query) {
        if (input) input.value = query;
        instance.triggerSearch(query);
      }
    }).catch(function () {
      box.textContent = "The search index is not built. Run `explainer build` to create it.";
    });
  }

  /* Material's search dialog and page-load progress bar carry ARIA roles but no
     names; give them one so screen readers can announce them. */
  function nameLandmarks() {
    var names = { ".md-search[role=dialog]": "Search", ".md-progress[role=progressbar]": "Page loading" };
    Object.keys(names).forEach(function (selector) {
      var el = document.querySelector(selector);
      if (el && !el.hasAttribute("aria-label")) el.setAttribute("aria-label", names[selector]);
    });
  }

  function onPage() {
    nameLandmarks();
    mount();
  }

  if (window.document$) {
    window.document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
