// An answer's body-language timeline: selecting a moment (a stretch of the timeline, or a
// time quoted by a tip or an observation) plays the answer's video from there, and a line on
// the timeline follows the video. The section is redrawn by HTMX while the picture is read,
// so clicks are taken at the document.
const video = () => document.querySelector("video[data-playback]");

document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-body-language] [data-seek]");
  const player = video();
  if (!target || !player) return;
  player.currentTime = Number(target.dataset.seek);
  player.focus();
});

const player = video();
if (player) {
  player.addEventListener("timeupdate", () => {
    for (const line of document.querySelectorAll("[data-body-language] [data-playhead]")) {
      line.setAttribute("x1", String(player.currentTime));
      line.setAttribute("x2", String(player.currentTime));
    }
  });
}
