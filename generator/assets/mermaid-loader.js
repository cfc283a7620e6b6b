/* Diagrams without a CDN. Material draws Mermaid diagrams with the library it fetches
   from unpkg.com unless a global `mermaid` exists already; this stands in for it and
   loads the copy this site serves (mermaid.min.js beside this file) on the first
   diagram only, so pages without diagrams never download it. */
(function () {
  if (typeof window.mermaid !== "undefined") return;
  var script = document.currentScript;
  var source = new URL("mermaid.min.js", script ? script.src : window.location.href).href;
  var settings = {};
  var loading = null;

  function library() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = source;
        tag.onload = function () {
          window.mermaid.initialize(settings);
          resolve(window.mermaid);
        };
        tag.onerror = function () {
          loading = null;
          reject(new Error("could not load " + source));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (config) {
      settings = config || {};
    },
    render: function (id, text) {
      return library().then(function (real) {
        return real.render(id, text);
      });
    },
  };
})();
