// Recording an answer in the browser. Every few seconds the recorder hands over a chunk, which
// is uploaded at once, so a closed tab or a lost connection keeps what was said so far; the
// server joins the chunks when the recording stops (or, if the page dies, a minute later).
// Echo cancellation, noise suppression and automatic gain are off: they change the pace,
// pauses and loudness the analysis measures.

// The speaker counts as quiet after this long below a tenth of their recent loudest level (or
// below QUIET_FLOOR, silence whatever the voice): longer than the server's QUIET_S (1 s,
// coach/speech/streaming.py) and than a pause between sentences. The level is smoothed over
// about 100 ms, so a click or a knock is not the voice's loudest, and the loudest fades by
// half in about 10 s, so one loud moment does not make later speech "quiet".
const QUIET_MS = 1100; // and the smoothed level's own fall (about 0.2 s): 1.3 s after the word
const QUIET_SHARE = 0.1;
const QUIET_FLOOR = 0.01;
const LEVEL_SMOOTHING = 0.15; // of each new frame's level (about 60 a second)
const PEAK_FADE = 0.9988; // a frame's fade of the loudest: 0.9988 ** 600 is about 0.5

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

const MESSAGES = {
  unsupported: "This browser cannot record here. Use a recent Chrome, Edge or Firefox, or type your answer instead.",
  NotAllowedError: "Microphone access was denied. Allow it from the address bar, then press Record again, or type your answer.",
  SecurityError: "The browser blocked the microphone on this page. Open prepcoach at http://127.0.0.1 or over HTTPS.",
  NotFoundError: "No microphone (or camera) was found. Plug one in and press Record again, or type your answer.",
  NotReadableError: "The microphone is busy in another program. Close it there and press Record again.",
  OverconstrainedError: "The chosen device cannot be used. Pick another one and press Record again.",
};

function pickMimeType(video) {
  const candidates = video
    ? ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"]
    : ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type)) || "";
}

function formatTime(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// A new key for each press of Record, sent as every form's submit_key is (ops/submit_once.py):
// the same start sent twice (a retry, a twin) gives back the one answer it began.
function submitKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function post(url, fields = {}, options = {}) {
  const body = new FormData();
  Object.entries(fields).forEach(([key, value]) => body.append(key, value));
  return fetch(url, { method: "POST", body, headers: { "X-CSRFToken": csrf(), Accept: "application/json" }, ...options });
}

class Recorder {
  constructor(root) {
    this.root = root;
    this.el = (name) => root.querySelector(`[data-${name}]`);
    this.button = (action) => root.querySelector(`[data-action="${action}"]`);
    this.guide = Number(root.dataset.guideSeconds || 120);
    this.queue = [];
    this.uploading = false;
    this.failed = false;
    this.state = "idle";
    if (!navigator.mediaDevices?.getUserMedia || !window.MediaRecorder) {
      this.say(MESSAGES.unsupported, true);
      this.button("record").disabled = true;
      return;
    }
    this.button("record").addEventListener("click", () => this.start());
    this.button("stop").addEventListener("click", () => this.stop());
    this.button("retake").addEventListener("click", () => this.retake());
    this.button("save").addEventListener("click", () => this.finish());
    window.addEventListener("pagehide", () => this.abandon());
    window.addEventListener("beforeunload", (event) => {
      // Leaving mid-answer (Back, a link, closing the tab) would cut the answer short, and
      // leaving now would drop pieces not yet sent: the browser asks first. What was sent is
      // kept either way.
      if (this.state === "recording" || this.queue.length || this.state === "stopping") {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    this.updateTimer(0);
    // The page arrives with Record disabled: a press before this script ran was lost.
    this.button("record").disabled = false;
    root.dataset.state = "idle";
  }

  say(text, isError = false) {
    const status = this.el("status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  async openDevices() {
    const video = this.el("video").checked;
    const mic = this.el("mic").value;
    const camera = this.el("camera").value;
    this.closeDevices();
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        deviceId: mic ? { exact: mic } : undefined,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
      video: video ? { deviceId: camera ? { exact: camera } : undefined } : false,
    });
    await this.listDevices();
    this.meter();
    const preview = this.el("preview");
    preview.hidden = !video;
    if (video) {
      preview.srcObject = this.stream;
      preview.play().catch(() => {});
    }
  }

  async listDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const [kind, name] of [["audioinput", "mic"], ["videoinput", "camera"]]) {
      const select = this.el(name);
      const current = select.value;
      select.replaceChildren(
        ...devices.filter((d) => d.kind === kind).map((d, i) => new Option(d.label || `${name} ${i + 1}`, d.deviceId)),
      );
      if (current) select.value = current;
    }
    this.el("camera-label").hidden = !this.el("video").checked;
  }

  meter() {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const level = this.el("level");
    const tick = () => {
      if (!this.stream) return context.close();
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
      level.value = Math.min(1, rms * 4);
      this.listen(rms);
      requestAnimationFrame(tick);
    };
    tick();
  }

  listen(rms) {
    // When the speaker has been quiet for QUIET_MS after speaking, send what is recorded at
    // once, marked quiet: the server reads the answer's last words then, so that if this was
    // the end, little is left to read after Stop (practice/streaming.py). The quiet is judged
    // against the loudest speech so far, so a noisy room or a soft voice works alike.
    if (this.state !== "recording" || this.recorder?.state !== "recording") return;
    const now = performance.now();
    this.level = (this.level || 0) * (1 - LEVEL_SMOOTHING) + rms * LEVEL_SMOOTHING;
    this.loudest = Math.max(this.level, (this.loudest || 0) * PEAK_FADE);
    if (this.level > Math.max(QUIET_FLOOR, this.loudest * QUIET_SHARE)) {
      this.lastLoud = now;
      this.spoke = true;
    } else if (this.spoke && now - this.lastLoud >= QUIET_MS) {
      this.spoke = false;
      this.quietNext = true;
      this.recorder.requestData();
    }
  }

  closeDevices() {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }

  async start() {
    this.button("record").disabled = true;
    try {
      await this.openDevices();
    } catch (error) {
      this.say(MESSAGES[error.name] || `The recording could not start (${error.name}).`, true);
      this.button("record").disabled = false;
      return;
    }
    for (const n of [3, 2, 1]) {
      this.say(`Recording in ${n}…`);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    let response;
    try {
      response = await post(this.root.dataset.startUrl, {
        mode: this.root.dataset.mode || "practice",
        session: this.root.dataset.session || "",
        follow_up_to: this.root.dataset.followUpTo || "",
        // "Practising for" on a question's page: the job the answer is read against.
        job: document.getElementById(this.root.dataset.jobSelect || "")?.value || "",
        question_text: this.root.dataset.questionText || "",
        video: this.el("video").checked ? "1" : "0",
        submit_key: submitKey(),
      });
    } catch {
      response = null;
    }
    if (!response?.ok) {
      this.closeDevices();
      // A refusal says why (a mock's follow-up withdrawn since the page was drawn); anything
      // else is prepcoach out of reach.
      const refused = response?.status === 422 ? (await response.json().catch(() => ({}))).message : "";
      this.say(refused || "prepcoach could not be reached to start the answer. Check that it is running, then press Record again.", true);
      this.button("record").disabled = false;
      return;
    }
    this.attempt = await response.json();
    this.index = 0;
    this.recorder = new MediaRecorder(this.stream, { mimeType: pickMimeType(this.el("video").checked) });
    this.recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size === 0) return; // the quiet mark waits for a piece with data
      // The piece that comes as Stop is pressed is marked last: finalise follows it, so the
      // server queues no streaming step for it (practice/recordings.py, store_chunk).
      this.enqueue(event.data, this.quietNext, this.state === "stopping");
      this.quietNext = false;
    });
    this.spoke = false;
    this.level = 0;
    this.loudest = 0;
    this.recorder.addEventListener("stop", () => this.finish());
    this.recorder.start(this.attempt.chunk_seconds * 1000);
    this.state = "recording";
    this.setupControls(false);
    this.started = performance.now();
    this.timer = setInterval(() => this.tickTimer(), 250);
    this.button("record").hidden = true;
    this.button("stop").hidden = false;
    this.button("stop").focus();
    this.say("Recording. Press Stop when you have finished.");
    this.root.dataset.state = "recording";
  }

  tickTimer() {
    const elapsed = (performance.now() - this.started) / 1000;
    this.updateTimer(elapsed);
    if (elapsed >= this.attempt.max_seconds) this.stop();
  }

  updateTimer(elapsed) {
    const timer = this.el("timer");
    timer.textContent = `${formatTime(elapsed)} / ${formatTime(this.guide)}`;
    timer.classList.toggle("over", elapsed > this.guide);
  }

  enqueue(blob, quiet = false, last = false) {
    this.queue.push({ index: this.index++, blob, quiet, last });
    this.upload();
  }

  async upload() {
    // One piece at a time, in order, until the server has it: a piece is only let go once
    // the server stored it or refused it for good (4xx). While the network is down, pieces
    // wait in the page and go as soon as it is back.
    if (this.uploading) return;
    this.uploading = true;
    let wait = 500;
    while (this.queue.length) {
      const { index, blob, quiet, last } = this.queue[0];
      const marks = new URLSearchParams();
      if (last) marks.set("last", "1");
      if (quiet) marks.set("quiet", "1");
      const query = marks.toString();
      try {
        const response = await fetch(`${this.attempt.chunk_url}/${index}/${query ? `?${query}` : ""}`, {
          method: "POST",
          body: blob,
          headers: { "X-CSRFToken": csrf() },
          keepalive: blob.size < 60000,
        });
        if (response.ok) {
          this.queue.shift();
          wait = 500;
          if (this.state === "recording") this.say("Recording. Press Stop when you have finished.");
          continue;
        }
        if (response.status >= 400 && response.status < 500) {
          const { error } = await response.json().catch(() => ({}));
          this.queue.shift();
          this.failed = true;
          this.say(error || "The server refused part of the recording.", true);
          if (this.state === "recording") this.stop();
          continue;
        }
        if (response.status === 503) {
          // The server is up but its recording store is not: it says why; the piece stays here.
          const { error } = await response.json().catch(() => ({}));
          this.say(`${error || "The server cannot store recordings just now."} ${this.queue.length} piece(s) are kept in this page. Keep the page open.`, true);
          await new Promise((resolve) => setTimeout(resolve, wait));
          wait = Math.min(wait * 2, 10000);
          continue;
        }
      } catch {
        // fall through to the wait
      }
      this.say(`The connection dropped: ${this.queue.length} piece(s) of your answer are kept in this page and will be sent when it is back. Keep the page open.`, true);
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 10000);
    }
    this.uploading = false;
  }

  stop() {
    if (this.state !== "recording") return;
    this.state = "stopping";
    clearInterval(this.timer);
    this.say("Saving your answer…");
    this.recorder.stop();
  }

  async finish() {
    this.closeDevices();
    this.button("stop").hidden = true;
    this.button("save").hidden = true;
    while (this.uploading || this.queue.length) await new Promise((resolve) => setTimeout(resolve, 100));
    let response;
    try {
      response = await post(this.attempt.finalise_url);
    } catch {
      this.say("prepcoach could not be reached to save the answer. Everything sent so far is kept: press Save again.", true);
      this.button("save").hidden = false;
      return;
    }
    const data = await response.json().catch(() => ({}));
    this.state = "done";
    this.root.dataset.state = "saved";
    this.setupControls(true);
    this.button("retake").hidden = false;
    if (!response.ok) {
      this.say(data.message || "The answer could not be saved.", true);
      return;
    }
    this.say("Saved.");
    window.location.assign(this.root.dataset.next || data.url);
  }

  setupControls(enabled) {
    // Changing devices mid-answer would end the recording: lock them while it runs.
    for (const name of ["mic", "video", "camera"]) this.el(name).disabled = !enabled;
  }

  abandon() {
    // The page is going away mid-answer: tell the server, which saves what arrived once the
    // pieces still on their way have landed.
    if (!["recording", "stopping"].includes(this.state) || !this.attempt) return;
    const body = new FormData();
    body.append("interrupted", "1");
    body.append("csrfmiddlewaretoken", csrf());
    navigator.sendBeacon(this.attempt.finalise_url, body);
  }

  async retake() {
    if (this.attempt && !confirm("Delete this recording and record the answer again?")) return;
    if (this.attempt) await post(this.attempt.delete_url);
    this.attempt = null;
    this.state = "idle";
    this.root.dataset.state = "idle";
    this.button("retake").hidden = true;
    this.button("record").hidden = false;
    this.button("record").disabled = false;
    this.setupControls(true);
    this.updateTimer(0);
    this.say("Press Record when ready.");
  }
}

document.querySelectorAll("[data-recorder]").forEach((root) => new Recorder(root));
