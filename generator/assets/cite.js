/* Citation tooltips: a citation ([9]) shows the sentence it points to when the pointer
   rests on it or the keyboard focuses it; Escape closes it. The sentence is read from
   the page's own source text, so pages carry no second copy of it. Following a
   citation highlights its sentence: Material's instant navigation moves to an anchor
   without the browser's own fragment navigation, which CSS :target would need, so the
   sentence is marked here too. Listeners sit on the document, so pages Material swaps
   in work too. */
(function () {
  var tip = null;
  var owner = null;

  function sentenceFor(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (hash < 0) return null;
    var target = new URL(href, window.location.href);
    if (target.pathname !== window.location.pathname) return null;
    var item = document.getElementById(href.slice(hash + 1));
    return item && item.closest("ol.source-text") ? item.textContent.trim() : null;
  }

  function hide() {
    if (tip) tip.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    tip = null;
    owner = null;
  }

  function show(link) {
    if (link === owner) return;
    hide();
    var text = sentenceFor(link);
    if (!text) return;
    tip = document.createElement("div");
    tip.id = "cite-tip";
    tip.className = "cite-tip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = link.textContent.trim() + ". " + text;
    document.body.appendChild(tip);
    owner = link;
    link.setAttribute("aria-describedby", tip.id);
    var box = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(8, box.left), document.documentElement.clientWidth - width - 8);
    var top = box.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight && box.top > tip.offsetHeight + 6) {
      top = box.top - tip.offsetHeight - 6;
    }
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function citation(event) {
    var el = event.target;
    return el && el.closest ? el.closest("a.cite") : null;
  }

  function mark(id) {
    var previous = document.querySelector("ol.source-text li.cited");
    if (previous) previous.classList.remove("cited");
    var item = id ? document.getElementById(id) : null;
    if (item && item.closest("ol.source-text")) item.classList.add("cited");
  }

  // Capture: Material's instant navigation takes the click before it bubbles up.
  document.addEventListener("click", function (e) {
    var link = citation(e);
    if (link && sentenceFor(link) !== null) mark((link.getAttribute("href") || "").split("#")[1]);
  }, true);
  window.addEventListener("hashchange", function () {
    mark(decodeURIComponent(window.location.hash.slice(1)));
  });
  if (window.location.hash) mark(decodeURIComponent(window.location.hash.slice(1)));
  // Material's instant navigation may swap the page's content in after the hash has
  // changed (a citation followed from a page it had prefetched): mark the sentence again
  // in what it put in.
  new MutationObserver(function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var item = id ? document.getElementById(id) : null;
    if (item && item.closest("ol.source-text") && !item.classList.contains("cited")) mark(id);
  }).observe(document.body, { childList: true, subtree: true });

  document.addEventListener("mouseover", function (e) {
    var link = citation(e);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (e) {
    var link = citation(e);
    if (link && link === owner && document.activeElement !== link) hide();
  });
  document.addEventListener("focusin", function (e) {
    var link = citation(e);
    if (link) show(link);
    else hide();
  });
  document.addEventListener("focusout", function (e) {
    if (citation(e) === owner) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () {
    if (owner && document.activeElement !== owner) hide();
  }, { passive: true });
})();
