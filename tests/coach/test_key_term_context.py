"""A candidate key term read where its advert says it: the mean of its own tokens' states at
one layer, inside its line."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from prepcoach.coach.embeddings import TokenStates
from prepcoach.coach.key_term_candidates import Advert, Candidate, read_advert
from prepcoach.coach.key_term_context import CONTEXT_LAYER, ContextModel, phrase_contexts

ADVERT = (
    "Data Analyst\n"
    "What you'll need\n"
    "- Strong SQL and Python\n"
    "- Handle customer queries and complaints\n"
    "About us\n"
    "Our Python monolith serves 400 letting agents.\n"
)


def _candidate(advert: Advert, key: str) -> Candidate:
    return next(c for c in advert.candidates if c.key == key)


@pytest.fixture(scope="module")
def model() -> ContextModel:
    from prepcoach.coach.term_match import shared_embedder

    embedder = shared_embedder()
    assert isinstance(embedder, ContextModel)
    return embedder


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def test_a_phrase_is_the_mean_of_its_own_tokens_in_each_line(model: ContextModel) -> None:
    advert = read_advert(ADVERT)
    python = _candidate(advert, "python")
    assert len(python.lines) == 2  # asked for, and said of the employer
    (vector,) = phrase_contexts(advert, [python], model)
    by_hand = []
    for line in sorted(python.lines):
        text = advert.lines[line]
        states = model.token_states([text], CONTEXT_LAYER)[0]
        start = text.lower().index("python")
        tokens = [
            t for t, (a, b) in enumerate(states.spans) if b > a and b > start and a < start + 6
        ]
        assert [text[a:b] for a, b in (states.spans[t] for t in tokens)] == ["Python"]
        by_hand.append(states.states[tokens].mean(axis=0))
    assert np.allclose(vector, _unit(np.mean(by_hand, axis=0)), atol=1e-6)


def test_the_same_word_reads_differently_where_it_is_used_differently(
    model: ContextModel,
) -> None:
    asked = read_advert("What you'll need\n- Strong Python and SQL\n")
    again = read_advert("What you'll need\n- Strong Python and SQL skills\n")
    owned = read_advert("About us\nOur Python monolith serves 400 letting agents.\n")
    a, again_, owned_ = (
        phrase_contexts(advert, [_candidate(advert, "python")], model)[0]
        for advert in (asked, again, owned)
    )
    assert (a == phrase_contexts(asked, [_candidate(asked, "python")], model)[0]).all()
    # Asked for in nearly the same words reads nearer than said of the employer's system.
    assert float(a @ again_) > float(a @ owned_)
    assert np.isclose(np.linalg.norm(a), 1.0)
    assert np.isclose(np.linalg.norm(owned_), 1.0)


def test_a_phrase_the_line_never_writes_takes_the_lines_reading(model: ContextModel) -> None:
    # "data analysis" is read from the title "Data Analyst", which never writes it.
    advert = read_advert(ADVERT)
    field = _candidate(advert, "data analysis")
    (vector,) = phrase_contexts(advert, [field], model)
    line = advert.lines[min(field.lines)]
    states = model.token_states([line], CONTEXT_LAYER)[0]
    own = [t for t, (a, b) in enumerate(states.spans) if b > a]
    assert np.allclose(vector, _unit(states.states[own].mean(axis=0)), atol=1e-6)


class _Recorder:
    """A stand-in model that records what it is asked to read."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def token_states(self, texts: Sequence[str], layer: int) -> list[TokenStates]:
        self.asked.extend(texts)
        return [TokenStates(((0, 0), (0, len(t)), (0, 0)), np.ones((3, 384))) for t in texts]


def test_each_line_is_read_once_and_a_phrase_with_no_line_is_zeros() -> None:
    advert = read_advert(ADVERT)
    recorder = _Recorder()
    python = _candidate(advert, "python")
    sql = _candidate(advert, "sql")
    lineless = Candidate("nothing", ("nothing",))
    out = phrase_contexts(advert, [python, sql, lineless], recorder)
    assert sorted(recorder.asked) == sorted({advert.lines[i] for i in python.lines | sql.lines})
    assert out.shape == (3, 384)
    assert (out[2] == 0).all()
    assert np.allclose(np.linalg.norm(out[:2], axis=1), 1.0)


def test_scoring_without_token_states_still_scores() -> None:
    """An embedder that cannot give token states (a stand-in) reads the phrases in their lines
    as nothing; the advert is still scored, never refused."""
    from prepcoach.coach.keywords import score, trained_model
    from prepcoach.coach.term_match import shared_embedder

    real = shared_embedder()
    assert real is not None

    class SentencesOnly:
        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return real.embed(texts)

    scored = score(read_advert(ADVERT), trained_model(), SentencesOnly())
    assert scored
    assert all(0.0 <= s.probability <= 1.0 for s in scored)
