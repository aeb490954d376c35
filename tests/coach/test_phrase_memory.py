"""The key terms embed each phrase once: MiniLM's vector of a text is the same whatever texts are
embedded beside it, so the embedder runs texts of one length together, and the key terms keep
the vectors of phrases seen in earlier adverts (`keywords.PhraseMemory`)."""

from __future__ import annotations

from collections.abc import Sequence

from prepcoach.coach.keywords import PhraseMemory


class CountingEmbedder:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.asked += texts
        return [[float(len(t)), float(sum(map(ord, t))) / 3] for t in texts]


def test_the_memory_gives_the_embedders_vectors_and_embeds_each_phrase_once() -> None:
    embedder = CountingEmbedder()
    memory = PhraseMemory(embedder, size=3)
    texts = ["SQL", "stakeholder management", "SQL", "Python"]
    assert memory.embed(texts) == CountingEmbedder().embed(texts)
    assert embedder.asked == ["SQL", "stakeholder management", "Python"]
    embedder.asked.clear()
    assert memory.embed(["Python", "Excel"]) == CountingEmbedder().embed(["Python", "Excel"])
    assert embedder.asked == ["Excel"]  # "Python" was remembered
    # The phrase used longest ago goes when more than `size` are kept.
    assert list(memory.vectors) == ["stakeholder management", "Python", "Excel"]
    assert memory.embed([]) == []


def test_a_texts_vector_is_the_same_alone_or_beside_texts_of_other_lengths(
    sentence_model: None,
) -> None:
    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files)
    texts = [
        "SQL",
        "stakeholder management",
        "I led the migration of our reporting from spreadsheets to Tableau, " * 8,
        "",
        "SQL",
        "Python and R for statistics",
        "A/B testing",
    ]
    together = embedder.embed(texts)
    assert together == [embedder.embed([t])[0] for t in texts]  # bit for bit
    assert together == embedder.embed(texts[::-1])[::-1]
    # Different texts of one token count share a run of the model: each still gets its own.
    pair = ["risk management", "data analysis"]
    counts = {len(e.ids) for e in embedder.tokenizer.encode_batch(pair)}
    assert len(counts) == 1
    assert embedder.embed(pair) == [embedder.embed([t])[0] for t in pair]
    assert embedder.embed(pair)[0] != embedder.embed(pair)[1]


class _RecordingSession:
    """Wraps the ONNX session and keeps each run's attention mask."""

    def __init__(self, session: object) -> None:
        self.session = session
        self.masks: list[object] = []

    def run(self, outputs: object, feeds: dict[str, object]) -> object:
        self.masks.append(feeds["attention_mask"])
        return self.session.run(outputs, feeds)  # type: ignore[attr-defined]


def test_no_text_is_padded_to_a_longer_one(sentence_model: None) -> None:
    # What reader.embed's own length batches used to ensure, now the embedder's: a short
    # sentence beside a whole answer runs at its own length (every mask position is a token).
    import numpy as np

    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files)
    recording = _RecordingSession(embedder.session)
    embedder.session = recording
    answer = "We moved the reports to Tableau and the team stopped copying numbers by hand. " * 6
    embedder.embed(["I led it.", answer, "It worked.", "SQL"])
    assert len(recording.masks) >= 3  # three token counts at least: three runs
    assert all(np.asarray(mask).all() for mask in recording.masks)
