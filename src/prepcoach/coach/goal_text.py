"""A goal's words before the SMART check judges them: whether they can be read at all (only
filler words, another language, keyboard mashing), where the deadline's words are (so a date's
numbers are not read as a count), and which words tie a goal to a target role's family."""

from __future__ import annotations

import re

from prepcoach.coach.deadlines import Deadline
from prepcoach.coach.embeddings import known_words
from prepcoach.coach.smart_words import ROLE_FAMILIES
from prepcoach.coach.text import (
    OTHER_LANGUAGE_WORDS,
    STOPWORDS,
    clip,
    markup_tags,
    only_fillers,
    other_language,
    quote,
    words,
)

NOT_ENGLISH = (
    "does not read as English, and prepcoach checks goals written in English only for now."
)


def unreadable(text: str) -> str | None:
    """Why a goal cannot be judged, or None: a web page's HTML, only filler words, words
    prepcoach does not know, or another language."""
    if markup_tags(text):  # a job advert pasted as the goal: "Measurable: met" on "<div…>"
        return (
            f"{quote(clip(text, 30))} is a web page's HTML markup, not a goal: describe the "
            "goal in words."
        )
    said = [w.lower() for w in words(text)]
    # Fillers of two words too: "um uh like you know so um" was read as a behavioral goal
    # "from “um”", with a sharper version that kept every filler.
    if only_fillers(said):
        return f"{quote(clip(text, 20))} is only filler words: describe the goal in words."
    counted = known_words(text)
    if counted is not None and counted[1] >= 2 and counted[0] == 0:
        return (
            f"{quote(clip(text, 30))} has no word prepcoach knows: describe the goal in words, "
            "e.g. “Do 3 mock interviews by Friday”."
        )
    if other_language(said) or _goal_in_another_language(text):
        return f"{quote(clip(text, 30))} {NOT_ENGLISH}"
    return None


# What a goal in another language says besides function words (`text.OTHER_LANGUAGE_WORDS`):
# its months and weekdays, its hours and weeks, its verbs of getting better. "Améliorer mon SQL
# d'ici fin janvier, 3 heures par semaine" has none of the function words, and was read as an
# English goal with no deadline, "0 of 3 heures par semaine" and "… by 3 January 2027".
# Left out as English words or names: mayo, julio, domingo, mai, mi, ore, april, august, pro.
GOAL_WORDS_ABROAD = frozenset(
    """votre notre d'ici chaque fois heure heures semaine semaines jours mois
    janvier février fevrier avril juillet août aout septembre octobre novembre décembre
    decembre lundi mardi mercredi jeudi vendredi samedi dimanche améliorer ameliorer apprendre
    réussir reussir entretien entretiens pratiquer préparer
    mejorar aprender practicar preparar entrevista entrevistas horas semana semanas días dias
    cada veces enero febrero marzo abril junio agosto septiembre octubre noviembre diciembre
    lunes martes miércoles miercoles jueves viernes sábado sabado
    verbessern lernen üben ueben vorbereiten stunden stunde woche wochen tage monat januar
    februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag
    sonntag jeden jede jeder
    migliorare imparare settimana settimane giorni ogni gennaio febbraio aprile maggio giugno
    luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì
    melhorar vezes janeiro fevereiro março junho julho setembro outubro dezembro""".split()
)
ENGLISH_TOO = frozenset("mon ma mes mis ton preparer est".split())
# Words of letters in any script, with an elision kept whole ("d'ici"): `text.words` reads
# only ASCII letters, and split "Améliorer" into "am" (English) and "liorer".
LETTERS_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _goal_in_another_language(text: str) -> bool:
    """Two or more words of another language (`GOAL_WORDS_ABROAD`, `text.OTHER_LANGUAGE_WORDS`)
    and more of them than English function words: the rule of `text.other_language`, with a
    goal's own words."""
    # A word in capitals is an abbreviation ("MA", "MIS", "EST"), and a few words are English
    # too ("Mon", "ton", "preparer", "mis-"): a review found "Mock interview Mon 10am EST" and
    # "Finish MA dissertation chapter 3 Mon" called another language; they are left out.
    said = [
        w.lower().replace("’", "'")
        for w in LETTERS_RE.findall(text)
        if not (w.isupper() and len(w) > 1) and w.lower() not in ENGLISH_TOO
    ]
    abroad = GOAL_WORDS_ABROAD | OTHER_LANGUAGE_WORDS
    foreign = sum(w in abroad and w not in STOPWORDS for w in said)
    english = sum(w in STOPWORDS and w not in abroad for w in said)
    return foreign >= 2 and foreign > english


def role_family_words(text: str, target_text: str) -> list[str]:
    found = []
    for role_pattern, cues in ROLE_FAMILIES.items():
        if re.search(role_pattern, target_text, re.IGNORECASE):
            for cue in cues:
                # Short cues ("r", "go") must be whole words; longer ones may be stems.
                ending = r"\b" if len(cue) <= 3 else ""
                match = re.search(rf"\b{cue}{ending}", text, re.IGNORECASE)
                if match:
                    found.append(match.group(0))
    return found


def blank(text: str, span: tuple[int, int] | None) -> str:
    """The text with a span (the deadline's words) replaced by spaces."""
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def span_of(text: str, phrase: str | None) -> tuple[int, int] | None:
    if not phrase:
        return None
    start = text.lower().find(phrase.lower())
    return (start, start + len(phrase)) if start >= 0 else None


def date_words(deadline: Deadline) -> set[str]:
    return set(deadline.phrase.split()) if deadline.phrase else set()
