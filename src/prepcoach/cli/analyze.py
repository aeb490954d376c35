"""`prepcoach analyze PATH`: read an answer from an audio/video file or a .txt transcript."""

import argparse
import json
from pathlib import Path

from prepcoach.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("analyze", help="analyse a recorded or written answer")
    parser.add_argument("path", type=Path, help="an audio or video file, or a .txt transcript")
    parser.add_argument("--question", default="", help="the question it answers")
    parser.add_argument("--jd", type=Path, help="a job description (text file) for key terms")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.coach.limits import (
        MAX_ANSWER_CHARS,
        MAX_JOB_ADVERT_CHARS,
        MAX_QUESTION_CHARS,
        too_long,
    )
    from prepcoach.coach.speech.audio import AudioError

    if not args.path.exists():
        raise UserError(f"{args.path} does not exist.")
    jd = _read(args.jd) if args.jd else ""
    for text, limit, what in (
        (jd, MAX_JOB_ADVERT_CHARS, f"job description in {args.jd}"),
        (args.question, MAX_QUESTION_CHARS, "question"),
    ):
        if message := too_long(text, limit, what):
            raise UserError(message)
    if args.path.suffix.lower() in {".txt", ".md"}:
        text = _read(args.path)
        if not text.strip():
            raise UserError(f"{args.path} is empty: write the answer in it first.")
        if message := too_long(text, MAX_ANSWER_CHARS, f"answer in {args.path}"):
            raise UserError(message)
        result = analyse_answer(text=text, question=args.question, job_description=jd)
    else:
        from prepcoach import conf
        from prepcoach.coach.speech.engine import whisper_engine
        from prepcoach.coach.speech.model import ModelError, resolve_model
        from prepcoach.coach.speech.pipeline import analyse_recording

        try:
            model = resolve_model(conf.env_str("SPEECH_MODEL"), conf.home_folder() / "models")
            result = analyse_recording(
                args.path, whisper_engine(model), question=args.question, job_description=jd
            )
        except (AudioError, ModelError) as error:
            raise UserError(str(error)) from None
    data = result.as_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Transcript: {data['transcript']}\n")
    if data["wpm"] is not None:
        print(f"Pace: {data['wpm']:g} words a minute · {data['duration_s']:g} s")
    fillers = data["fillers"]
    assert isinstance(fillers, dict)
    if fillers["count"] is None:
        print("Fillers: not counted: the answer does not read as English")
    else:
        print(
            f"Fillers: {fillers['count']}"
            + (f" ({fillers['per_min']:g} a minute)" if fillers["per_min"] is not None else "")
        )
    star = data["star"]
    assert isinstance(star, dict)
    if data.get("cannot_tell"):
        print(f"Content: not judged: {data['cannot_tell']}")
    if data.get("note"):
        print(f"Note: {data['note']}")
    unknown = "? (can't tell)" if data.get("cannot_tell") else "? (not heard)"
    marks = {True: "✓", False: "✗", None: unknown}

    def mark(part: str) -> str:
        # A part the reader can't tell about (`reader.UNSURE_FROM`) is neither found nor
        # missing, though the rest was heard.
        return "? (can't tell)" if "unsure" in star[part] else marks[star[part]["present"]]

    print("STAR: " + ", ".join(f"{p} {mark(p)}" for p in ("situation", "task", "action", "result")))
    for p in ("situation", "task", "action", "result"):
        if star[p].get("unsure"):
            print(f"  {p}: can't tell; nearest: “{star[p]['unsure']}”")
    coverage = data.get("coverage")
    if isinstance(coverage, dict) and coverage["uncovered"]:
        lost = ", ".join(f"{a:.1f}–{b:.1f} s" for a, b in coverage["uncovered"])
        print(
            f"Not transcribed: {lost} ({coverage['percent']} % of the speech produced words); "
            "verdicts that speech could change are not given."
        )
    audio = data.get("audio")
    for warning in audio["warnings"] if isinstance(audio, dict) else ():
        print(f"Warning: {warning}")
    if args.jd:
        print(_key_terms_line(jd, data))
    tips = data["tips"]
    assert isinstance(tips, list)
    for number, tip in enumerate(tips, start=1):
        print(f"{number}. {tip['text']}  [{tip['rule']}]")
    return 0


def _key_terms_line(jd: str, data: dict[str, object]) -> str:
    """What the summary says of the job's key terms: `--jd` is "for key terms", and the summary
    said nothing of them, nor why an advert in German or of emoji gave none."""
    from prepcoach.coach.keywords import unreadable_advert

    if not jd.strip():
        return "Key terms: none: the job description is empty."
    if why := unreadable_advert(jd):
        return f"Key terms: none: the job description {why}."
    keywords = data.get("keywords")
    withheld = data.get("withheld")
    if data.get("cannot_tell"):
        return "Key terms: not judged (see Content above)."
    if not isinstance(keywords, dict):
        return "Key terms: prepcoach found none in the job description."
    # Read as stored, odd values ignored ("unsure": 5, a term None): lists of strings, and of
    # finds naming a term.
    said, not_said = _strings(keywords.get("used")), _strings(keywords.get("missed"))
    used = ", ".join(said) or "none"
    if "keywords" in _strings(withheld):
        # A term not found may be in speech that was lost or misheard: named, as the report
        # does, with the line above that says why (a review: this line pointed to a "Content"
        # line that only an answer prepcoach cannot read at all has).
        return f"Key terms: used {used}; those not used are not listed: {_why_unheard(data)}."
    unsure = [u for u in _list(keywords.get("unsure")) if isinstance(u, dict)]
    unsure = [u for u in unsure if isinstance(u.get("term"), str) and u["term"]]
    if not (said or not_said or unsure):
        return "Key terms: prepcoach found none in the job description."
    missed = ", ".join(not_said) or "none"
    # Perhaps said in other words: neither used nor missed, with the nearest words.
    perhaps = "; ".join(_perhaps(u) for u in unsure)
    can_t_tell = f"; can't tell, perhaps in other words: {perhaps}" if perhaps else ""
    # Not used, though its words are said: denied, someone else's work or still to come
    # (`term_not_done`), quoted as the report's card quotes them.
    from prepcoach.coach.term_not_done import stored_not_done

    not_done = "; ".join(
        f"{d['term']} said as {_AS[d['why']]}: "
        + (f"“{d['words']}” in “{d['sentence']}”" if d["words"] else f"“{d['sentence']}”")
        for d in stored_not_done(keywords)
    )
    said_not_done = f"; {not_done}" if not_done else ""
    return f"Key terms: used {used}; not used {missed}{said_not_done}{can_t_tell}."


# How a term's words said as not done are named (`term_not_done.Why`), as the report names them.
_AS = {
    "denied": "not done",
    "someone else's": "someone else's work",
    "still to come": "still to come",
}


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _strings(value: object) -> list[str]:
    """The strings of a stored list; anything else (a number, None, a string) names none."""
    return [t for t in _list(value) if isinstance(t, str) and t]


def _perhaps(unsure: dict[object, object]) -> str:
    """A term perhaps said in other words, with the nearest words where it keeps them."""
    words = unsure.get("words")
    return (
        f"{unsure['term']} (nearest: “{words}”)"
        if isinstance(words, str) and words
        else str(unsure["term"])
    )


def _why_unheard(data: dict[str, object]) -> str:
    """Why terms not found may have been said, pointing to the summary's line that says so:
    speech that was not transcribed ("Not transcribed"), or distorted sound ("Warning")."""
    coverage = data.get("coverage")
    if isinstance(coverage, dict) and coverage["uncovered"]:
        return "part of the speech was not transcribed (see Not transcribed above)"
    audio = data.get("audio")
    if isinstance(audio, dict) and audio["warnings"]:
        return "some words may be misheard (see Warning above)"
    return "some of the speech may be missing from the transcript"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text: save it as UTF-8 and try again.") from None
    except OSError as error:
        raise UserError(f"{path} cannot be read: {error.strerror}.") from None
