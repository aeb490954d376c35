// On sign-up and on a first visit to the profile, takes the browser's own time zone (a field
// the server marks data-time-zone-guess) instead of UTC, so deadlines and reminders fall on the
// person's days from the start. A zone prepcoach does not list is left alone. No network, no
// storage.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function fill() {
    var zone = browserZone();
    if (!zone) return;
    // Sign-up's hidden field: the server keeps the zone only if it knows it.
    document.querySelectorAll("input[data-time-zone-guess]").forEach(function (input) {
      if (!input.value) input.value = zone;
    });
    document.querySelectorAll("select[data-time-zone-guess]").forEach(function (select) {
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === zone;
      });
      if (known) {
        select.value = zone;
        select.setAttribute("data-time-zone-guessed", zone);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
