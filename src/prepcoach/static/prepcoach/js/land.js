// A form sent from a section of a long page (a check-in, a step, a milestone, a debrief) comes
// back to that section (#progress, #debrief), and its message would sit at the top of the page,
// scrolled out of sight. The message moves to just under the section's heading, and the page
// lands with the heading and the message in view (app.css keeps a margin above the heading).
// Without this script the message stays at the top of the page. No network, no storage.
(function () {
  "use strict";

  function land() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id === "messages" || id === "main") return;
    var target = document.getElementById(id);
    var box = document.getElementById("messages");
    if (!target || !box || !box.querySelector(".message") || target.contains(box)) return;
    var heading = /^H[1-6]$/.test(target.tagName) ? target : target.querySelector("h1, h2, h3, h4");
    if (heading) heading.insertAdjacentElement("afterend", box);
    else target.insertAdjacentElement("afterbegin", box);
    target.scrollIntoView();
  }

  // A page that comes back refused ("Nothing was saved") puts the focus on its error summary
  // with `autofocus`; but when the address has a fragment (the report's link to
  // #body-language) Chromium scrolls to that section and clears the focus, leaving the summary
  // out of sight and unfocused. The summary takes the focus and comes into view whatever the
  // fragment: as the page is read, and again once it has loaded if the focus was cleared.
  function focusSummary() {
    var summary = document.querySelector(".error-summary[autofocus]");
    if (!summary) return;
    if (document.activeElement !== summary) summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start" });
  }

  function ready() {
    land();
    focusSummary();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  window.addEventListener("load", function () {
    var now = document.activeElement;
    if (!now || now === document.body) focusSummary();
  });
})();
