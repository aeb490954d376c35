// Mock interviews: the interviewer's question is read aloud (browser speech synthesis), unless
// the user switched it off. Nothing leaves the machine: the browser's own voices speak.
const question = document.querySelector("[data-speak-text]");
const button = document.querySelector("[data-action='speak']");

function speak() {
  if (!question || !("speechSynthesis" in window)) return;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(question.dataset.speakText));
}

if (button) {
  if ("speechSynthesis" in window) button.addEventListener("click", speak);
  else button.hidden = true;
}
if (question?.dataset.speak === "1") speak();
