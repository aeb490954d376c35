"""CSV files from other programs are read by the separator they use (issue 11, class 6)."""

import pytest

from prepcoach.coach.csv_dialect import delimiter_of


@pytest.mark.parametrize(
    ("text", "separator"),
    [("text,category\nA,b\n", ","),
     ("text;category;competency\nTell me, please, about it;behavioral;x\nWhy, then?;motivation;y\n", ";"),
     ("a\tb\tc\n1\t2\t3\n", "\t"), ("a|b\n1|2\n", "|"), ("one column\nonly\n", ","), ("", ","),
     ('Notes:\n"When exporting, your data, may vary"\n\nFirst Name,Last Name,Email\nA,B,c@d\n', ",")],
)  # fmt: skip
def test_the_separator_is_the_one_the_rows_agree_on(text: str, separator: str) -> None:
    assert delimiter_of(text) == separator


def test_the_importers_header_decides_when_rows_could_read_either_way() -> None:
    # Every row has one semicolon and one comma: only the header says which separates.
    text = "Name;Email\nLee, Ana;ana@example.org\nPark, Ben;ben@example.org\n"
    assert delimiter_of(text, is_header=lambda row: "Email" in row) == ";"
    commas = "Name,Email\nAna; Lee,ana@example.org\nBen; Park,ben@example.org\n"
    assert delimiter_of(commas, is_header=lambda row: "Email" in row) == ","


def test_a_sample_cut_inside_a_quoted_cell_still_counts_its_rows() -> None:
    text = "a;b;c\n1;2;3\n4;5;6\n" + '7;8;"' + "x" * 70_000 + '"\n'
    assert delimiter_of(text) == ";"
