// An answer's body-language timeline: selecting a place on a lane plays the answer's video
// from the second under the pointer (the click's x within the lane times the answer's length),
// selecting a time quoted by a tip or an observation (a button, the keyboard's path) plays it
// from that moment, and a line on the timeline follows the video. The section is redrawn by
// HTMX while the picture is read, so clicks are taken at the document.
const video = () => document.querySelector("video[data-playback]");

const secondAt = (lane, x) => {
  const box = lane.getBoundingClientRect();
  const share = Math.min(Math.max((x - box.left) / box.width, 0), 1);
  return share * Number(lane.dataset.duration);
};

document.addEventListener("click", (event) => {
  const lane = event.target.closest("[data-body-language] svg[data-lane]");
  const target = event.target.closest("[data-body-language] [data-seek]");
  const player = video();
  if (!player || (!lane && !target)) return;
  player.currentTime = lane ? secondAt(lane, event.clientX) : Number(target.dataset.seek);
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
