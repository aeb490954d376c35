"""The one reader (`coach.reader` via `coach.content`): the classes of mistakes the old cue
lists made, each pinned by an example, and the honest "cannot tell" cases."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.clauses import RUN_ON_WORDS, cut_at, joints, split_clause
from prepcoach.coach.content import read_content as analyse_content
from prepcoach.coach.content import sentences_of
from prepcoach.coach.reader import MAX_SENTENCES, cannot_tell, read_text
from prepcoach.coach.reader_features import states_amount
from prepcoach.coach.relevance import question_relevance
from prepcoach.coach.story_fit import best_story

pytestmark = pytest.mark.usefixtures("sentence_model")  # a dependency: missing fails


def parts(text: str) -> dict[str, str]:
    return {s.text: s.part for s in read_text(text).sentences}


def test_an_unusual_verb_is_still_an_action() -> None:
    text = (
        "Our online shop was losing money on refunds last winter. "
        "I combed through the refund logs, spotted that most refunds came from one courier, "
        "and recommended we switch. "
        "Refunds halved within two months."
    )
    analysis = analyse_content(text)
    combed = "I combed through the refund logs, spotted that most refunds came from one courier, and recommended we switch."
    assert combed in analysis.star["action"].evidence
    assert analysis.ownership.personal


def test_a_number_describing_the_problem_is_situation_and_a_result_cue_is_result() -> None:
    text = (
        "The situation was that sign-ups had fallen 20 % since spring. "
        "I rewrote the onboarding emails and tested two versions of the landing page. "
        "As a result, sign-ups recovered."
    )
    read = parts(text)
    assert read["The situation was that sign-ups had fallen 20 % since spring."] == "situation"
    assert read["As a result, sign-ups recovered."] == "result"
    analysis = analyse_content(text)
    assert not analysis.quantified_result.present  # "recovered" states no amount


def test_a_result_with_no_cue_word() -> None:
    text = (
        "On our ward, handovers between the night and day shifts kept getting missed. "
        "I wrote a one-page handover sheet and walked every nurse through it. "
        "Nobody has missed a handover since."
    )
    assert parts(text)["Nobody has missed a handover since."] == "result"


@pytest.mark.parametrize(
    "result",
    [
        "In the first year it saved about 12,000 pounds.",
        "That contract brought in 80,000 euros.",
        "By March, complaints had dropped to zero.",
    ],
)
def test_a_result_in_money_or_zero_is_quantified(result: str) -> None:
    text = (
        "Our depot kept paying for parcels that customers said never arrived. "
        "I matched every claim against the drivers' scans and rang the couriers with the gaps. "
        + result
    )
    analysis = analyse_content(text)
    assert analysis.quantified_result.evidence == (result,)
    assert states_amount(result)


def test_amounts_in_any_unit_but_not_vague_praise() -> None:
    for said in ("We moved 40 pallets an hour.", "NPS rose nine points.", "It ran 3x faster."):
        assert states_amount(said), said
    for said in ("It went much better.", "Sign-ups recovered.", "We got a lot of praise."):
        assert not states_amount(said), said


def test_an_unrelated_story_to_a_skills_question_gets_the_story_check() -> None:
    # The verdict itself is tested in tests/coach/test_relevance.py.
    question = "Which skills do you hope to develop?"
    story = (
        "Last year our release slipped two weeks behind a client deadline. "
        "I split the remaining work into daily goals and took the riskiest piece myself. "
        "We shipped on the Friday and the client renewed for another year."
    )
    remark = question_relevance(question, story)
    assert remark.check
    assert remark.tie is not None
    assert remark.tie in story
    fitting = (
        "I hope to develop my skills in negotiation and in leading a small team. "
        "I'd also like to get better at public speaking."
    )
    plain = question_relevance(question, fitting)
    assert plain.check is False
    story_question = question_relevance("Tell me about a time you met a deadline.", story)
    assert story_question.check is None  # the check applies only where no story was asked for
    assert plain.tie is not None
    assert plain.tie in fitting


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "no words"),
        ("Hello", "too few to judge"),
        ("um uh like you know um", "filler"),
        ("Well, you know, basically, I mean, right, okay.", "filler"),
        (
            "Hier ist meine Antwort: wir haben das Projekt rechtzeitig abgeschlossen und der "
            "Kunde war zufrieden.",
            "English",
        ),
        (
            "Asdf qwer zxcv uiop hjkl. Fdsa mnbv poiu lkjh gfds trew vcxz qazw sxed.",
            "read as English words",
        ),
    ],
)
def test_it_says_when_it_cannot_tell(text: str, why: str) -> None:
    analysis = analyse_content(text)
    assert analysis.cannot_tell is not None
    assert why in analysis.cannot_tell
    assert analysis.star_complete == 0
    assert not analysis.quantified_result.present


def test_a_very_long_text_is_read_up_to_a_cap_and_says_so() -> None:
    sentence = "I checked the stock levels in the warehouse every morning before the shift."
    text = " ".join([sentence] * 1000)  # 13,000 words
    reading = read_text(text)
    assert len(reading.sentences) == MAX_SENTENCES
    assert reading.total_sentences == 1000
    assert reading.note is not None
    assert f"first {MAX_SENTENCES} of 1000" in reading.note


def test_each_sentence_reading_quotes_its_sentence() -> None:
    text = "I rang the supplier. We agreed a new date. The order arrived 3 days early."
    reading = read_text(text)
    assert [s.text for s in reading.sentences] == [
        "I rang the supplier.",
        "We agreed a new date.",
        "The order arrived 3 days early.",
    ]
    assert reading.sentences[0].owner == "i"
    assert reading.sentences[-1].part == "result"
    assert reading.sentences[-1].quantified


def test_the_best_fitting_story_is_ranked_first_with_its_tie() -> None:
    stories = [
        (1, "Fixing the night-shift handover", {
            "situation": "Handovers on the ward kept getting missed.",
            "action": "I wrote a handover sheet.",
        }),
        (2, "Calming an angry customer", {
            "situation": "A customer shouted at me at the till about a refund.",
            "action": "I listened, apologised and sorted out the refund on the spot.",
        }),
    ]  # fmt: skip
    choice = best_story("Tell me about a time you dealt with an angry customer.", stories)
    assert choice.best is not None
    assert choice.best.key == 2
    assert [f.key for f in choice.ranked] == [2, 1]
    assert choice.best.tie in ("Calming an angry customer",
                               "A customer shouted at me at the till about a refund.")  # fmt: skip
    assert best_story("Why this role?", []).best is None


RUN_ON = (
    "um so I was on the ramp at the regional airport and we had a turnaround of like "
    "thirty-five minutes for a plane that came in late and the belt loader broke down right as "
    "we were starting to offload the hold so I ran over to the next stand and asked their lead "
    "if we could borrow theirs and we pushed back four minutes late"
)


def test_a_run_on_spoken_answer_is_read_clause_by_clause() -> None:
    clauses = [
        "um so I was on the ramp at the regional airport",
        "and we had a turnaround of like thirty-five minutes for a plane that came in late",
        "and the belt loader broke down right as we were starting to offload the hold",
        "so I ran over to the next stand and asked their lead if we could borrow theirs",
        "and we pushed back four minutes late",
    ]
    assert split_clause(RUN_ON) == clauses
    reading = read_text(RUN_ON)
    assert [s.text for s in reading.sentences] == clauses
    assert reading.total_sentences == len(clauses)


def test_a_clause_without_a_conjunction_starts_at_its_subject() -> None:
    text = (
        "the scaffold inspection flagged missing toe boards on the fourth lift and it was on me "
        "to get it safe without losing the whole week I stopped all work above the second lift "
        "that morning and rang round three scaffold firms"
    )
    assert split_clause(text) == [
        "the scaffold inspection flagged missing toe boards on the fourth lift",
        "and it was on me to get it safe without losing the whole week",
        "I stopped all work above the second lift that morning and rang round three scaffold firms",
    ]


@pytest.mark.parametrize("whole", ["in 2019 and 2020", "£12,000 and rising"])
def test_numbers_joined_by_and_stay_whole(whole: str) -> None:
    text = (
        f"the spend on agency staff across the trust kept climbing {whole} and the board wanted "
        "it cut so I went through every rota on the two wards with the ward managers and we "
        "swapped agency shifts for bank shifts wherever we could"
    )
    pieces = split_clause(text)
    assert len(pieces) > 1  # the run-on is cut, just not inside the numbers
    assert any(whole in piece for piece in pieces)


def test_a_quotation_and_a_punctuated_sentence_stay_whole() -> None:
    quoted = (
        'the client wrote back "we loved the pilot and we want it on every site and the board '
        'agrees and we will sign this week" which was the first time anyone there had put it in '
        "writing for us"
    )
    assert split_clause(quoted) == [quoted]
    # A long written sentence whose writer put a comma before each "and we": kept as written.
    typed = (
        "Our depot kept paying for parcels that customers said had never arrived, and I matched "
        "every single claim from the last quarter against the drivers' handheld scans, and we "
        "found that almost all of them came from one rural route that had changed hands twice "
        "in the spring."
    )
    assert len(typed.split()) >= RUN_ON_WORDS
    assert split_clause(typed) == [typed]
    assert split_clause("I rang the supplier and we agreed a new date") == [
        "I rang the supplier and we agreed a new date"
    ]


SPLICED = (
    "In my last job, um, our reports were always late. My task was to fix that. I built a "
    "checklist and, uh, I trained the team, as a result, the reports went out two days earlier."
)


def test_a_result_spliced_onto_the_action_with_a_comma_is_still_found() -> None:
    # Whisper wrote two spoken sentences as one; the result must not be lost in the action.
    reading = read_text(SPLICED)
    assert [s.text for s in reading.sentences][-2:] == [
        "I built a checklist and, uh, I trained the team",
        "as a result, the reports went out two days earlier.",
    ]
    found = reading.presence
    assert found["result"].present
    assert found["quantified_result"].present
    assert found["result"].evidence == ("as a result, the reports went out two days earlier.",)
    assert found["quantified_result"].evidence == found["result"].evidence
    assert found["personal_action"].evidence == ("I built a checklist and, uh, I trained the team",)


def test_a_sentence_of_two_clauses_of_one_part_is_not_cut() -> None:
    both_actions = (
        "I rang every supplier on our list that afternoon, and I agreed a new delivery date "
        "with each of them."
    )
    text = (
        "Our biggest customer's order was stuck because a supplier had gone bust. "
        + both_actions
        + " The order went out on time and the customer renewed for two years."
    )
    sentences = [s.text for s in read_text(text).sentences]
    assert both_actions in sentences
    assert len(sentences) == 3


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        # A speaker who starts again after a joint ("so we, um, we…") said one clause.
        (
            "The courier kept losing parcels so we, um, we moved the whole contract to a rival.",
            [
                "The courier kept losing parcels",
                "so we, um, we moved the whole contract to a rival.",
            ],
        ),
        (
            "and I just – I rewrote the rota for the whole ward.",
            ["and I just – I rewrote the rota for the whole ward."],
        ),
        (
            "My manager and I, we met the client that Friday.",
            ["My manager and I, we met the client that Friday."],
        ),
        # "to a buyer who," is the last clause going on, not a phrase that opens a new one.
        (
            "We made the shortlist and lost the deal, to a buyer who, frankly, paid far more.",
            ["We made the shortlist and lost the deal, to a buyer who, frankly, paid far more."],
        ),
        # The joints that are there are still found: after a fronted phrase with "that" in
        # it, and after a short clause whose verb no list knows.
        (
            "I trained the team, as a result, the reports went out two days earlier.",
            ["I trained the team", "as a result, the reports went out two days earlier."],
        ),
        (
            "I rewrote the schedule, after that, the team never missed a deadline.",
            ["I rewrote the schedule", "after that, the team never missed a deadline."],
        ),
        (
            "The budget was cut so I oversaw it, the client renewed for two years.",
            ["The budget was cut", "so I oversaw it", "the client renewed for two years."],
        ),
        ("I call them, they send the orders.", ["I call them", "they send the orders."]),
    ],
)
def test_a_restart_or_a_relative_clause_is_no_joint(sentence: str, pieces: list[str]) -> None:
    assert cut_at(sentence, joints(sentence)) == pieces


TEXT_PARTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["I", "we", "the team", "sales", "went", "up", "20", "%", "and", "so", "then",
             "as a result", "um", "trained", "was", "late", "12,000", '"', "it", "in March"]
        ),
        st.text(alphabet=st.sampled_from("ab ,.;-—–'’\"I\n"), max_size=6),
    ),
    max_size=40,
).map(lambda words: " ".join(words).replace(" ,", ",").replace(" %", "%"))  # fmt: skip


def _rejoins(pieces: list[str], original: str, gap: str) -> None:
    """Each piece is found in `original` in order, and what lies between them matches `gap`."""
    at = 0
    for piece in pieces:
        found = original.find(piece, at)
        assert found >= 0, (piece, original)
        assert re.fullmatch(gap, original[at:found]), (original[at:found], original)
        at = found + len(piece)
    assert re.fullmatch(gap, original[at:]), (original[at:], original)


@settings(max_examples=300, deadline=None)
@given(TEXT_PARTS)
def test_cutting_at_any_joints_loses_nothing_but_the_cut(sentence: str) -> None:
    sentence = sentence.strip()
    found = joints(sentence)
    for chosen in (found, found[:1], found[1::2]):
        _rejoins(cut_at(sentence, chosen), sentence, r"[\s,;–—-]*")


@settings(max_examples=25, deadline=None)
@given(TEXT_PARTS)
def test_the_reader_pieces_rejoin_to_the_text(tail: str) -> None:
    # Pieces may lose spaces, the separator at a cut and stretches with no word in them. The
    # opening sentence makes every text readable, so no example is read as "cannot tell".
    text = "I trained the whole team on it, " + tail
    reading = read_text(text)
    assert reading.cannot_tell is None
    _rejoins([s.text for s in reading.sentences], text, r"[^\w]*")


@pytest.mark.parametrize(
    ("action", "result"),
    [
        ("I wrote a checklist and I trained the team", "the reports went out on time"),
        ("I set up a weekly stock count with the pickers", "we never ran out of tape again"),
        ("I rewrote the onboarding emails with the designer", "sign-ups went up 20 % in a month"),
    ],
)
def test_a_result_spliced_on_in_other_words_is_found_too(action: str, result: str) -> None:
    # The class, not one sentence: a comma splice (no conjunction), any result wording.
    text = (
        "Our small online shop kept losing customers after their first order. "
        f"My manager asked me to find out why. {action}, {result}."
    )
    reading = read_text(text)
    assert [s.text for s in reading.sentences][-2:] == [action, result + "."]
    assert reading.presence["result"].evidence == (result + ".",)
    assert reading.presence["personal_action"].present


class _CountingEmbedder:
    """Gives each text a vector of its own (its length, a hash) and records every batch."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return [[float(len(t)), float(hash(t) % 997)] for t in texts]


@given(st.lists(st.text(min_size=1, max_size=400), max_size=40))
def test_the_model_is_asked_once_for_all_texts_and_each_keeps_its_place(texts: list[str]) -> None:
    from prepcoach.coach import reader

    model = _CountingEmbedder()
    vectors = reader.embed(texts, model)  # type: ignore[arg-type]
    assert vectors is not None
    # Each text gets its own vector, in its place; the model is asked once, for every text
    # (it groups them by token count itself: tests/coach/test_phrase_memory.py).
    assert vectors.tolist() == [[float(len(t)), float(hash(t) % 997)] for t in texts]
    assert model.batches == ([texts] if texts else [])


ANSWER = (
    "Our small online shop kept losing customers after their first order. "
    "It was down to me to find out why before the spring sale. "
    "I combed through the refund logs and spotted that most refunds came from one courier. "
    "We switched couriers, and refunds fell by a third in two months."
)


def test_the_reader_reads_the_same_whether_the_middle_layers_were_kept_or_not(
    sentence_model: None,
) -> None:
    # The middle layers' states come from `embed`'s own run of the model, kept by text; a
    # reading must not depend on whether they were kept, evicted or never embedded.
    from prepcoach.coach import reader, reader_inputs

    reader.MIDDLE.states.clear()
    fresh = reader.read_text(ANSWER)
    again = reader.read_text(ANSWER)  # every state kept
    kept, reader_inputs.MIDDLE = reader_inputs.MIDDLE, reader_inputs._MiddleStates(2)
    try:
        evicted = reader.read_text(ANSWER)  # more sentences than the memory holds
        assert len(reader_inputs.MIDDLE.states) == 2  # the small memory was the one used
    finally:
        reader_inputs.MIDDLE = kept
    assert fresh.sentences == again.sentences == evicted.sentences
    assert fresh.presence == again.presence == evicted.presence
    assert "layers 3-4" in fresh.model
    assert "structure only" not in fresh.model


def test_sentence_vectors_and_the_readers_whole_inputs_read_alike(sentence_model: None) -> None:
    import numpy as np

    from prepcoach.coach import reader

    sentences = reader.sentences_of(ANSWER)
    vectors = reader.embed(sentences)
    assert vectors is not None
    assert vectors.shape == (len(sentences), 384)
    wide = reader.inputs(sentences, vectors)
    assert wide is not None
    assert wide.shape == (len(sentences), reader.INPUT_WIDTH)
    assert (wide[:, :384] == vectors).all()
    assert reader.inputs(sentences, wide) is wide
    w = reader.weights()
    for a, b in zip(
        reader.probabilities(sentences, vectors, w),
        reader.probabilities(sentences, wide, w),
        strict=True,
    ):
        assert np.array_equal(a, b)
    assert reader.label_sentences(sentences, vectors, w) == reader.label_sentences(
        sentences, wide, w
    )


def test_an_embedder_without_the_middle_layers_reads_by_structure_and_says_so() -> None:
    from prepcoach.coach import reader

    reader.MIDDLE.states.clear()
    reading = reader.read_text(ANSWER, model=_CountingEmbedder())  # type: ignore[arg-type]
    assert reading.model.endswith("structure only, the embedder gives no middle layers")
    assert reading.sentences  # still read, by structure


def test_the_memory_keeps_every_text_it_embeds_and_stays_bounded(sentence_model: None) -> None:
    """A long text (a whole answer, a long question) is kept too, under the SHA-256 of its
    words, so its words never grow the memory; the memory keeps its newest texts only."""
    import hashlib

    from prepcoach.coach import reader, reader_inputs

    memory = reader_inputs._MiddleStates(3)
    long_text = "We rebuilt the rota and the picking waves. " * 60  # over MIDDLE_TEXT
    texts = ["One.", "Two words.", "Three short words.", "Four words in all.", long_text]
    rows = [[float(k)] * reader.INPUT_WIDTH for k in range(len(texts))]
    memory.keep(texts, rows)
    assert list(memory.states) == [
        "Three short words.", "Four words in all.", hashlib.sha256(long_text.encode()).digest()
    ]  # fmt: skip
    # A text not kept is embedded when asked for, and its states are the model's.
    got = memory.get(["One.", "Three short words.", long_text], None)
    assert got is not None
    wide = reader.embedder().embed_layers(["One."])  # type: ignore[union-attr]
    assert got[0].tolist() == [float(v) for v in wide[0][384:]]
    assert got[1].tolist() == [2.0] * 768
    assert got[2].tolist() == [4.0] * 768
    assert len(memory.states) == 3


class _LayeredCounter:
    """MiniLM, counting every text it is asked to embed."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.model = reader_model()

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.asked += texts
        return self.model.embed(texts)  # type: ignore[no-any-return]

    def embed_layers(self, texts: list[str]) -> list[list[float]]:
        self.asked += texts
        return self.model.embed_layers(texts)  # type: ignore[no-any-return]


def reader_model() -> Any:
    from prepcoach.coach import reader

    return reader.embedder()


def test_a_text_is_embedded_once_however_long_and_however_often_it_is_read(
    sentence_model: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question over 2,000 characters missed the memory: each read of it (its kind, whether it
    asks for a plan) ran the model on it twice, once for its vector and once more for its middle
    layers. Each text is embedded once, and reads the same from the memory."""
    import numpy as np

    from prepcoach.coach import reader, reader_inputs
    from prepcoach.coach.relevance import question_kind

    monkeypatch.setattr(reader_inputs, "MIDDLE", reader_inputs._MiddleStates(64))
    counter = _LayeredCounter()
    short = "What would you do if a teammate kept missing deadlines?"
    long = "What would you do if " + "a teammate missed a deadline again and again, " * 50 + "?"
    assert len(long) > reader_inputs.MIDDLE_TEXT
    for question in (short, long):
        kinds = {question_kind(question, counter) for _ in range(3)}  # type: ignore[arg-type]
        assert len(kinds) == 1
        assert counter.asked.count(question) == 1
    first = reader.embed([long, short], counter)  # type: ignore[arg-type]
    fresh = reader_model().embed_layers([long, short])
    assert first is not None
    assert np.array_equal(first, np.array(fresh, dtype=np.float32)[:, :384].astype(np.float64))
    assert counter.asked.count(long) == counter.asked.count(short) == 1


def test_words_of_a_filler_phrase_said_apart_are_no_fillers() -> None:
    """The words "I", "you", "know" and "mean" were fillers one by one to the reader: "I know
    you" was "only filler words" (the goal check read them as phrases only:
    `text.only_fillers`)."""
    for notes in (False, True):
        text = "I know you, I know you."
        assert cannot_tell(text, sentences_of(text), notes=notes) is None
