"""Answers written for the relevance tests: one on point and one to a neighbouring question."""

SKILLS = "Which skills do you hope to develop?"
HOPES = (
    "The main one is negotiation. So far I have only watched senior colleagues negotiate with "
    "suppliers, and I would like to lead those conversations myself, so I have asked my manager "
    "whether I can shadow the next two renewals and then run one with her support. I also want "
    "to get better at public speaking: I still read from my notes when I present our team's "
    "results to the board, and I would like to be able to talk through the numbers and handle "
    "questions without a script. Longer term I hope to develop the people skills to manage a "
    "small team."
)
WEAKNESS = "What is your greatest weakness?"
STRENGTHS = (
    "I'd say I'm incredibly detail-oriented. I'm the person in the team who always spots the "
    "transposed numbers in the reconciliations, and my manager trusts me with the VAT returns "
    "because I just don't make mistakes. I'm also really good at building relationships with "
    "the budget holders, and they come to me with questions now. So I think accuracy and "
    "relationships are my strongest points."
)
