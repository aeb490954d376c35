from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.patterns import Entry, Theme, find_themes, lemma, plural, sentence
from prepcoach.coach.text import STOPWORDS

ENERGISING = [
    (
        "retro:1",
        "Loved mentoring two juniors through their first release. The migration to Postgres went smoothly.",
    ),
    (
        "retro:2",
        "I mentored a junior developer on testing; we shipped the billing API ahead of schedule.",
    ),
    ("retro:3", "Ran the design workshop with customers and turned their feedback into a roadmap."),
    ("retro:4", "Pairing with the new grads and mentoring them on code reviews was the best part."),
    (
        "retro:5",
        "Built the data pipeline in Airflow; I became a mentor to an apprentice along the way.",
    ),
    ("retro:6", "Rewrote the onboarding docs. Mentoring Sam through his first on-call shift."),
    ("retro:7", "Shipped dark mode for the mobile app after a long accessibility audit."),
]
STUMBLED = [
    (
        "retro:8",
        "Missed the deadline because the scope kept changing and nobody owned the roadmap.",
    ),
    ("retro:9", "Scope creep again; the roadmap was never agreed with stakeholders."),
]


def retros() -> list[Entry]:
    return [Entry(k, t, "energising project") for k, t in ENERGISING] + [
        Entry(k, t, "stumbled project") for k, t in STUMBLED
    ]


def by_label(themes: Sequence[Theme]) -> dict[str, Theme]:
    return {t.label: t for t in themes}


def test_mentoring_in_varied_forms_is_one_theme_of_the_energising_projects() -> None:
    mentoring = by_label(find_themes(retros()))["mentoring"]
    assert mentoring.keys == ("retro:1", "retro:2", "retro:4", "retro:5", "retro:6")
    assert (mentoring.count, mentoring.total, mentoring.group) == (5, 7, "energising project")
    assert mentoring.sentence == "“mentoring” appears in 5 of your 7 energising projects"


def test_a_theme_only_one_group_shows_is_counted_against_that_group() -> None:
    scope = by_label(find_themes(retros()))["scope"]
    assert scope.keys == ("retro:8", "retro:9")
    assert scope.sentence == "“scope” appears in both of your stumbled projects"


def test_word_forms_share_a_lemma() -> None:
    assert (
        len({lemma(w) for w in ["mentor", "mentors", "mentored", "mentoring", "mentorship"]}) == 1
    )
    assert lemma("planned") == lemma("planning") == lemma("plan")
    assert lemma("shared") == lemma("sharing") == lemma("share")
    assert lemma("studies") == lemma("studied") == lemma("study")
    assert lemma("led") == lemma("leading")
    assert lemma("process") != lemma("proceed")


def test_a_phrase_stands_in_for_words_that_always_travel_with_it() -> None:
    entries = [
        Entry("story:1", "Set up code review for the data team and cut bugs by a third.", "story"),
        Entry("story:2", "Our code reviews were slow, so I wrote a checklist.", "story"),
        Entry("story:3", "Introduced code review rotas across three squads.", "story"),
        Entry("story:4", "Negotiated a vendor contract and saved 12%.", "story"),
    ]
    themes = find_themes(entries)
    assert [t.label for t in themes] == ["code review"]
    assert themes[0].keys == ("story:1", "story:2", "story:3")
    assert themes[0].sentence == "“code review” appears in 3 of your 4 stories"


def test_unrelated_entries_have_no_theme() -> None:
    entries = [
        Entry("r:1", "Negotiated a contract renewal with a difficult vendor."),
        Entry("r:2", "Cut cloud costs by rightsizing database clusters."),
        Entry("r:3", "Ran a customer workshop about onboarding."),
    ]
    assert find_themes(entries) == []


def test_stopwords_and_filler_never_become_themes() -> None:
    filler = "I really think that the project was a good thing and we did it well with the team"
    entries = [Entry(f"r:{i}", f"{filler} {topic}") for i, topic in enumerate(["Kafka", "Figma"])]
    assert find_themes(entries) == []
    themes = find_themes([Entry(f"x:{i}", filler + " mentoring") for i in range(4)])
    assert [t.label for t in themes] == ["mentoring"]
    assert themes[0].sentence == "“mentoring” appears in all 4 of your entries"


def test_names_keep_their_capitals_and_sentence_starts_do_not() -> None:
    entries = [
        Entry("a", "Mentoring people. Wrote the reports in SQL."),
        Entry("b", "Mentoring again. Tuned SQL queries for Tableau."),
        Entry("c", "Built Tableau dashboards, then mentoring."),
    ]
    labels = {t.label for t in find_themes(entries, limit=20)}
    assert labels == {"SQL", "Tableau", "mentoring"}


def test_min_entries_raises_the_bar() -> None:
    themes = find_themes(retros(), min_entries=5)
    assert [t.label for t in themes] == ["mentoring"]


def test_limit_and_ranking() -> None:
    themes = find_themes(retros(), limit=2)
    assert len(themes) == 2
    assert {"mentoring", "scope"} == {t.label for t in themes}
    assert find_themes(retros(), limit=0) == []


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [Entry("one", "Mentoring mentoring mentoring juniors.")],
        [Entry("a", "🚀🔥🎉"), Entry("b", "🚀🔥🎉 ✨"), Entry("c", "")],
        [Entry("a", "   \n\t "), Entry("b", "...!!!")],
    ],
)
def test_too_little_to_go_on_gives_no_themes(entries: list[Entry]) -> None:
    assert find_themes(entries) == []


def test_emoji_beside_words_do_not_get_in_the_way() -> None:
    entries = [Entry("a", "🚀 mentoring 🎉 juniors"), Entry("b", "✨mentoring✨ interns")]
    assert by_label(find_themes(entries))["mentoring"].keys == ("a", "b")


def test_duplicate_keys_count_once() -> None:
    entries = [
        Entry("story:1", "Mentoring juniors.", "story"),
        Entry("story:1", "Mentoring juniors, again.", "story"),
        Entry("story:2", "Cloud costs.", "story"),
    ]
    assert find_themes(entries) == []
    entries.append(Entry("story:3", "More mentoring.", "story"))
    (theme,) = find_themes(entries)
    assert (theme.keys, theme.count, theme.total) == (("story:1", "story:3"), 2, 3)


def test_very_long_text_is_handled() -> None:
    long = "mentoring juniors on testing. " * 20_000
    themes = find_themes([Entry("a", long), Entry("b", long + " kafka")])
    assert by_label(themes)["mentoring juniors"].count == 2


def test_sentences_pluralise_and_read_naturally() -> None:
    assert plural("story") == "stories"
    assert plural("energising project") == "energising projects"
    assert plural("day") == "days"
    assert plural("match") == "matches"
    assert sentence("mentoring", 2, 3, "story") == "“mentoring” appears in 2 of your 3 stories"
    assert sentence("mentoring", 2, 2, "story") == "“mentoring” appears in both of your stories"
    assert sentence("mentoring", 3, 3, "") == "“mentoring” appears in all 3 of your entries"


# --- meaning, with a fake embedder ----------------------------------------------------------


class TopicEmbedder:
    """Puts texts about teaching people on one axis and everything else on another."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        people = ("coach", "taught", "intern", "junior", "new hire", "grow")
        return [[1.0, 0.0] if any(w in t.lower() for w in people) else [0.0, 1.0] for t in texts]


STORIES = [
    Entry("s:1", "I coached a struggling new hire until she ran releases on her own.", "story"),
    Entry("s:2", "Taught two interns how to write tests and review pull requests.", "story"),
    Entry(
        "s:3", "Helped a junior analyst grow into leading the weekly reporting and tests.", "story"
    ),
    Entry("s:4", "Negotiated a contract renewal with a difficult vendor.", "story"),
    Entry("s:5", "Cut cloud costs by rightsizing our database clusters.", "story"),
]


def test_an_embedder_groups_entries_by_meaning_and_names_the_group() -> None:
    embedder = TopicEmbedder()
    themes = find_themes(STORIES, embedder=embedder)
    assert embedder.calls == 1
    teaching = next(t for t in themes if t.keys == ("s:1", "s:2", "s:3"))
    assert teaching.group == "story"
    assert (teaching.count, teaching.total) == (3, 5)
    # "tests" is the only word two of them share, so it names the group.
    assert teaching.label == "tests"
    assert teaching.sentence == "“tests” comes up in 3 of your 5 stories"
    # By words alone, only the two stories that say "tests" share it.
    assert [t.keys for t in find_themes(STORIES)] == [("s:2", "s:3")]


def test_a_group_with_no_shared_word_is_named_by_its_most_typical_entry() -> None:
    stories = [STORIES[0], STORIES[1], STORIES[3]]
    (theme,) = find_themes(stories, embedder=TopicEmbedder())
    assert theme.keys == ("s:1", "s:2")
    assert theme.sentence.startswith("2 of your 3 stories are like “I coached a struggling")
    (both,) = find_themes(stories[:2], embedder=TopicEmbedder())
    assert both.sentence.startswith("both of your stories are like “")


def test_an_embedder_returning_the_wrong_number_of_vectors_is_an_error() -> None:
    class Broken:
        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return [[1.0]]

    with pytest.raises(ValueError, match="vectors"):
        find_themes(STORIES, embedder=Broken())


def test_zero_vectors_do_not_crash() -> None:
    class Zero:
        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return [[0.0, 0.0] for _ in texts]

    assert find_themes(STORIES, embedder=Zero()) == find_themes(STORIES)


def test_the_packaged_model_groups_teaching_stories() -> None:
    from prepcoach.coach.embeddings import load_embedder

    embedder = load_embedder()
    assert embedder is not None
    a, b, c = embedder.embed(
        [
            "I mentored a junior engineer",
            "Coaching new graduates was rewarding",
            "The database migration failed",
        ]
    )

    def cos(x: list[float], y: list[float]) -> float:  # the vectors are unit length
        return sum(p * q for p, q in zip(x, y, strict=True))

    assert len(a) == 384
    assert cos(a, b) > cos(a, c) + 0.2
    themes = find_themes(retros(), embedder=embedder)
    assert by_label(themes)["mentoring"].count == 5  # words still speak when meaning is vaguer


# --- properties --------------------------------------------------------------------------------

texts = st.lists(
    st.sampled_from(["mentoring", "mentored", "the", "SQL", "a", ".", "🚀", "é", "-", "\n"])
    | st.text(max_size=12),
    max_size=30,
).map(" ".join)
entry_lists = st.lists(
    st.builds(Entry, key=st.sampled_from([f"k{i}" for i in range(8)]), text=texts,
              group=st.sampled_from(["", "story", "energising project"])),
    max_size=10,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(entry_lists, st.integers(min_value=0, max_value=5))
def test_themes_only_point_at_real_entries(entries: list[Entry], min_entries: int) -> None:
    themes = find_themes(entries, min_entries=min_entries)
    keys = {e.key for e in entries}
    for theme in themes:
        assert set(theme.keys) <= keys
        assert len(set(theme.keys)) == len(theme.keys) == theme.count
        assert max(2, min_entries) <= theme.count <= theme.total <= len(keys)
        assert theme.label.lower() not in STOPWORDS
        assert theme.label
        assert theme.sentence
    assert len(themes) <= 8


@settings(max_examples=50, deadline=None)
@given(entry_lists)
def test_any_embedder_output_keeps_the_same_promises(entries: list[Entry]) -> None:
    class Hashing:
        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return [[float(len(t) % 3), float(t.count("m")), 1.0] for t in texts]

    keys = {e.key for e in entries}
    for theme in find_themes(entries, embedder=Hashing()):
        assert set(theme.keys) <= keys
        assert len(theme.keys) == theme.count <= theme.total
