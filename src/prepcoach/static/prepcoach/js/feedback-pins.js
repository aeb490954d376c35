// Feedback pages: pin a comment to the moment the reviewer is listening to, play the owner's
// recording from a pinned moment, and copy a new feedback link. Without this script every
// page still works: times can be typed, and the link selected by hand.
(() => {
  const player = document.querySelector("[data-playback]");
  const clock = (seconds) => {
    const whole = Math.floor(seconds);
    const m = Math.floor(whole / 60);
    const s = String(whole % 60).padStart(2, "0");
    return `${m}:${s}`;
  };

  // Each pin button writes into its own comment box (data-pin-for: a mock interview has one
  // per answer) at the time of the player in its own figure.
  document.querySelectorAll("[data-pin]").forEach((pin) => {
    const figure = pin.closest("figure");
    const own = (figure && figure.querySelector("[data-playback]")) || player;
    const comments = (pin.dataset.pinFor && document.getElementById(pin.dataset.pinFor))
      || document.querySelector("textarea[name=comments]");
    if (!own || !comments) return;
    const shown = pin.querySelector("[data-pin-time]");
    own.addEventListener("timeupdate", () => { shown.textContent = clock(own.currentTime); });
    pin.addEventListener("click", () => {
      const line = `${clock(own.currentTime)} — `;
      const before = comments.value && !comments.value.endsWith("\n") ? "\n" : "";
      comments.value += before + line;
      comments.focus();
      comments.setSelectionRange(comments.value.length, comments.value.length);
    });
  });

  // A pinned moment plays its own answer's recording (data-player), or the page's one player.
  document.querySelectorAll("[data-seek]").forEach((button) => {
    button.addEventListener("click", () => {
      const target = (button.dataset.player && document.getElementById(button.dataset.player))
        || player;
      if (!target) return;
      target.currentTime = Number(button.dataset.seek);
      target.play().catch(() => {});
    });
  });

  const copy = document.querySelector("[data-copy]");
  const source = document.querySelector("[data-copy-source]");
  if (copy && source) {
    const status = document.querySelector("[data-copy-status]");
    copy.addEventListener("click", async () => {
      source.select();
      try {
        await navigator.clipboard.writeText(source.value);
        status.textContent = "Copied.";
      } catch {
        status.textContent = "Select the link and copy it (Ctrl+C).";
      }
    });
  }
})();
