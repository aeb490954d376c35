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

  const pin = document.querySelector("[data-pin]");
  const comments = document.querySelector("textarea[name=comments]");
  if (pin && player && comments) {
    const shown = pin.querySelector("[data-pin-time]");
    player.addEventListener("timeupdate", () => { shown.textContent = clock(player.currentTime); });
    pin.addEventListener("click", () => {
      const line = `${clock(player.currentTime)} — `;
      const before = comments.value && !comments.value.endsWith("\n") ? "\n" : "";
      comments.value += before + line;
      comments.focus();
      comments.setSelectionRange(comments.value.length, comments.value.length);
    });
  }

  document.querySelectorAll("[data-seek]").forEach((button) => {
    button.addEventListener("click", () => {
      if (!player) return;
      player.currentTime = Number(button.dataset.seek);
      player.play().catch(() => {});
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
