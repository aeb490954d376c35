"""The embedder gives the answer reader MiniLM's middle layers beside the sentence vector, from
the same run of the model: the sentence vectors stay those of the packaged model bit for bit."""

from __future__ import annotations

import numpy as np

TEXTS = [
    "It was down to me to keep her from walking out.",
    "I rang the supplier and rebooked the van for six.",
    "SQL",
    "Sign-ups rose by 20% in a month, and nobody has missed a handover since.",
]


def test_the_sentence_vectors_are_the_packaged_models_bit_for_bit(sentence_model: None) -> None:
    import onnxruntime as ort  # type: ignore[import-untyped]

    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files, threads=1)
    layered = np.array(embedder.embed_layers(TEXTS))
    assert layered.shape == (len(TEXTS), 384 * 3)
    assert (layered[:, :384] == np.array(embedder.embed(TEXTS))).all()
    # The same texts through the untouched model file: the added outputs change nothing.
    plain = MiniLMEmbedder(*files, threads=1)
    plain.session = ort.InferenceSession(str(files[0]), providers=["CPUExecutionProvider"])
    plain.outputs = [o.name for o in plain.session.get_outputs()]
    assert plain.outputs == ["last_hidden_state"]
    assert (np.array(plain.embed(TEXTS)) == layered[:, :384]).all()


def test_each_layers_mean_is_a_unit_vector_of_its_own(sentence_model: None) -> None:
    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files, threads=1)
    layered = np.array(embedder.embed_layers(TEXTS))
    blocks = layered.reshape(len(TEXTS), 3, 384)
    assert np.allclose(np.linalg.norm(blocks, axis=2), 1.0, atol=1e-5)
    # Three different states, not one copied: the last layer is trained for similarity, the
    # middle ones are not, so their vectors differ.
    assert (np.abs(blocks[:, 0] - blocks[:, 1]).max(axis=1) > 0.05).all()
    assert (np.abs(blocks[:, 1] - blocks[:, 2]).max(axis=1) > 0.05).all()
    # A text's layers do not depend on the texts run beside it.
    alone = np.array([embedder.embed_layers([t])[0] for t in TEXTS])
    assert (alone == layered).all()


def test_a_model_without_the_layers_named_is_refused_clearly(tmp_path: object) -> None:
    import pathlib
    import warnings

    import pytest

    from prepcoach.coach.embeddings import _with_layer_outputs

    with warnings.catch_warnings():  # protobuf 4's import-time warning (see the module)
        warnings.simplefilter("ignore", DeprecationWarning)
        import onnx

    path = pathlib.Path(str(tmp_path)) / "tiny.onnx"
    x = onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1])
    graph = onnx.helper.make_graph(
        [onnx.helper.make_node("Identity", ["x"], ["y"])],
        "tiny",
        [x],
        [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1])],
    )
    onnx.save(onnx.helper.make_model(graph), str(path))
    with pytest.raises(ValueError, match="no output of encoder layer 3"):
        _with_layer_outputs(path, (3,))


def test_token_states_are_the_layers_own_with_each_tokens_place(sentence_model: None) -> None:
    """`token_states` runs the encoder only up to the layer asked for; its states are the full
    model's at that layer (their mean is `embed_layers`' block), each with its character span."""
    from prepcoach.coach.embeddings import READER_LAYERS, MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files, threads=1)
    layered = np.array(embedder.embed_layers(TEXTS)).reshape(len(TEXTS), 3, 384)
    for block, layer in enumerate(READER_LAYERS, start=1):
        read = embedder.token_states(TEXTS, layer)
        assert len(read) == len(TEXTS)
        for text, states, full in zip(TEXTS, read, layered[:, block], strict=True):
            assert states.states.shape == (len(states.spans), 384)
            mean = states.states.mean(axis=0)
            assert np.allclose(mean / np.linalg.norm(mean), full, atol=1e-5)
            assert states.spans[0] == (0, 0)
            assert states.spans[-1] == (0, 0)
            words = [text[a:b] for a, b in states.spans if b > a]
            assert "".join(words).lower() == "".join(text.split()).lower()
    with np.testing.assert_raises(ValueError):
        embedder.token_states(TEXTS, 7)


def test_texts_run_together_padded_read_as_each_alone(sentence_model: None) -> None:
    """Texts of nearby token counts share one padded run of the model (`LENGTH_BUCKET`), for
    speed; each text's states are cut to its own tokens and equal its states read alone, bit
    for bit (the model is quantised to integers), so nothing trained on them moves."""
    from prepcoach.coach.embeddings import LENGTH_BUCKET, MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files, threads=1)
    texts = ["SQL", "Python and SQL", "Python, SQL and R", "stakeholder management"]
    counts = [len(e.ids) for e in embedder.tokenizer.encode_batch(texts)]
    assert len(set(counts)) > 1  # padding is needed…
    assert max(counts) <= LENGTH_BUCKET  # …in one run
    together = embedder.token_states(texts, 4)
    for text, states, count in zip(texts, together, counts, strict=True):
        (alone,) = embedder.token_states([text], 4)
        assert states.states.shape == (count, 384)
        assert states.spans == alone.spans
        assert (states.states == alone.states).all()
