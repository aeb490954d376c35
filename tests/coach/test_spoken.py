from prepcoach.coach.spoken import SPEAKING_WPM, spoken, story_remark


def test_words_are_said_at_about_150_a_minute() -> None:
    assert SPEAKING_WPM == 150
    assert spoken("").said == ""
    assert spoken("one two three").said == "about 1 second spoken"
    assert spoken("word " * 18).said == "about 7 seconds spoken"  # not 5, beside 37 words' 15
    assert spoken("word " * 37).said == "about 15 seconds spoken"
    assert spoken("word " * 100).said == "about 40 seconds spoken"
    action = spoken("word " * 1100)
    assert (action.words, action.seconds) == (1100, 440)
    assert action.said == "about 7 minutes spoken"


def test_a_story_longer_than_an_answer_gets_a_word() -> None:
    assert story_remark(["word " * 100, "word " * 200]) is None  # 2 minutes
    remark = story_remark(["word " * 100, "word " * 1100])
    assert remark is not None
    assert remark.startswith("Told aloud, this story takes about 8 minutes")
    assert "1 to 3 minutes" in remark
