// A panel watching an answer (data-push; practice/push.py) asks again as soon as the server
// answers, which it does when the answer changes or after a bounded wait. When a request fails
// for a reason that may pass (the network gone, the server restarting: no answer or a 5xx) the
// panel asks again after 5 s, then 10, 20, up to a minute, instead of stopping for good. A 4xx
// will not change by asking again (the answer was deleted: 404), so the panel says so and
// stops. No storage, no other address.
(function () {
  "use strict";

  var delays = new WeakMap();

  function stop(panel, status) {
    panel.removeAttribute("data-push");
    var note = document.createElement("p");
    note.className = "error";
    note.setAttribute("role", "status");
    note.textContent =
      status === 404 || status === 403 || status === 410
        ? "This answer is no longer available."
        : "This answer can no longer be checked here: reload the page.";
    panel.appendChild(note);
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    var panel = event.detail && event.detail.elt;
    if (!panel || !panel.hasAttribute || !panel.hasAttribute("data-push")) return;
    if (event.detail.successful) {
      delays.delete(panel);
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status >= 400 && status < 500) {
      delays.delete(panel);
      stop(panel, status);
      return;
    }
    var delay = Math.min((delays.get(panel) || 2500) * 2, 60000);
    delays.set(panel, delay);
    window.setTimeout(function () {
      if (panel.isConnected && panel.hasAttribute("data-push")) {
        window.htmx.trigger(panel, "push-retry");
      }
    }, delay);
  });
})();
