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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", land);
  else land();
})();
