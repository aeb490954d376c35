// A story's parts as they would be said: under each box marked data-spoken-length, how long it
// takes to say (at the form's data-words-per-minute, the rate coach/spoken.py uses), and under
// the form the whole story, with a word when it runs past an interview answer's length
// (data-answer-seconds). Updated as the person types; nothing is sent anywhere.
(function () {
  "use strict";

  function words(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function said(count, perMinute) {
    if (!count) return "";
    var seconds = Math.round((count * 60) / perMinute);
    // To the second under 20 s (coach/spoken.py's SECONDS_EXACT), else to 5 s.
    if (seconds < 20) {
      var exact = Math.max(1, seconds);
      return "about " + exact + " second" + (exact === 1 ? "" : "s");
    }
    if (seconds < 60) return "about " + Math.round(seconds / 5) * 5 + " seconds";
    var minutes = Math.round(seconds / 60);
    return "about " + minutes + " minute" + (minutes === 1 ? "" : "s");
  }

  function setUp(form) {
    var perMinute = Number(form.getAttribute("data-words-per-minute")) || 150;
    var longest = Number(form.getAttribute("data-answer-seconds")) || 180;
    var total = form.querySelector("[data-spoken-total]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("textarea[data-spoken-length]"));
    var outputs = boxes.map(function (box) {
      var output = document.createElement("p");
      output.className = "meta spoken-length";
      output.id = box.id + "_spoken";
      output.setAttribute("aria-live", "polite");
      box.insertAdjacentElement("afterend", output);
      var described = box.getAttribute("aria-describedby");
      box.setAttribute("aria-describedby", (described ? described + " " : "") + output.id);
      return output;
    });

    function update() {
      var all = 0;
      boxes.forEach(function (box, index) {
        var count = words(box.value);
        all += count;
        outputs[index].textContent = count
          ? count.toLocaleString() + " word" + (count === 1 ? "" : "s") + ", " + said(count, perMinute) + " spoken"
          : "";
      });
      if (!total) return;
      var seconds = Math.round((all * 60) / perMinute);
      total.classList.toggle("warn-text", seconds > longest);
      total.textContent = all
        ? "The whole story, told aloud: " + said(all, perMinute) + "." +
          (seconds > longest
            ? " An interview answer is best told in 1 to " + Math.round(longest / 60) + " minutes: keep each part to what the listener needs."
            : "")
        : "";
    }

    boxes.forEach(function (box) { box.addEventListener("input", update); });
    update();
  }

  function start() {
    document.querySelectorAll("form[data-words-per-minute]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
