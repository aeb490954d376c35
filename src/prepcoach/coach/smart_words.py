"""The words the SMART check looks for: vague phrases, actions, concrete objects, signs of a
finish line, interview preparation in general, what common roles are asked about, and rough
hours per unit of work. Lists of words, kept apart from the logic in smart.py that uses them."""

from __future__ import annotations

import re

VAGUE_RE = re.compile(
    r"\b(?:get(?:ting)?|be(?:come)?|feel|do)\s+(?:a lot\s+|much\s+|way\s+|a bit\s+)?"
    r"(?:better|good|great|more confident|ready|prepared|well)\b"
    r"|\b(?:improve|improving|work(?:ing)? on|brush(?:ing)? up(?: on)?|level up|step up|"
    r"learn more|study more|practi[sc]e more|network more|read more|be more|more and more|"
    r"know more|a lot|some|more|better|less|fewer\s+ums|the basics|basics of|"
    r"somehow|stuff|things|in general|generally|overall|etc)\b",
    re.IGNORECASE,
)
ACTION_RE = re.compile(
    r"\b(?:do|doing|complete|finish|write|draft|record|rehearse|practi[sc]e|solve|read|"
    r"research|list|prepare|contact|message|e-?mail|reach out|attend|schedule|book|submit|"
    r"apply|build|create|publish|watch|take|run|conduct|ask|review|summari[sz]e|memori[sz]e|"
    r"join|meet|call|send|update|compile|identify|outline|present|deliver|learn|study|map|"
    r"answer|note|go to|sign up|enrol|enroll|interview|shadow|reduce|cut|keep|hold|film|"
    r"test|score|pass|earn|redo|rewrite|role-?play|plan|ship|deploy|implement|analy[sz]e|"
    r"find|collect|gather|track|log|follow up|connect|introduce|pitch|speak|explain|teach|"
    r"check in|complete)\b",
    re.IGNORECASE,
)
CONCRETE_RE = re.compile(
    r"\b(?:mock interviews?|practice interviews?|star|stories|story|answers?|questions?|facts?|"
    r"mission|values|strategy|products?|competitors?|annual report|earnings|news|articles?|"
    r"papers?|books?|chapters?|courses?|modules?|certifications?|exams?|leetcode|problems?|"
    r"system design|sql|python|java|javascript|excel|tableau|statistics|case stud(?:y|ies)|"
    r"portfolio|resume|cv|cover letters?|applications?|linkedin|recruiters?|mentors?|alumni|"
    r"coffee chats?|informational|meetups?|events?|conferences?|contacts?|"
    r"hiring managers?|pitch|elevator pitch|tell me about yourself|presentation|slides|"
    r"fillers?|filler words|eye contact|body language|posture|pace|video|recordings?|"
    r"job description|glassdoor|salary|negotiation|algorithms?|"
    r"data structures?|projects?|take-home|whiteboard|weakness(?:es)?|strengths?|"
    r"behaviou?ral questions?|references?|thank-you notes?|follow-up|podcasts?|"
    r"newsletters?|reports?|blog posts?|kata|exercises?|hours?|minutes?|sessions?|"
    r"referrals?|connections?|messages?|emails?|calls?)\b",
    re.IGNORECASE,
)
# One thing done or not done: a single deliverable needs no count to be measurable.
COMPLETION_RE = re.compile(
    r"\b(?:finish|complete|submit|pass|publish|earn|obtain|launch|get certified|ship|"
    r"write|draft|update|rewrite|polish|"
    r"deploy|send|take)\w*\b.{0,60}?\b(?:course|certification|certificate|exam|book|"
    r"portfolio|application|module|tutorial|project|website|specialization|bootcamp|"
    r"chapter|resume|cv|cover letter|test|assessment|take-home)s?\b"
    r"|\b(?:ask|email|e-mail|message|call|book|schedule)\w*\b.{0,60}?\b(?:for|a|an)\s+(?:[\w-]+\s+)?"
    r"(?:reference|referral|introduction|call|meeting|mock interview)\b"
    r"|\b(?:each|every|all)\s+(?:of\s+)?(?:the\s+|my\s+)?"
    r"(?!(?:day|week|weekday|morning|evening|night|month|year|time)s?\b)[a-z]{3,}",
    re.IGNORECASE,
)
BARE_NUMBER_RE = re.compile(r"\b\d+\b")
# Interview preparation in general: relevant whatever the target role is.
INTERVIEW_RE = re.compile(
    r"\b(?:interview\w*|mock|star|answers?|recruiters?|hiring|onsite|on-site|job|role|"
    r"offer|applications?|resume|cv|portfolio|questions?|employer|position|career|"
    r"panel|screen(?:ing)?|networking|referral\w*|elevator pitch|tell me about yourself|"
    r"compan(?:y|ies)|mission|values|culture|competitors?|annual report|glassdoor|"
    r"alumni|linkedin|mentors?|coffee chats?|informational|fillers?|filler words|"
    r"body language|eye contact|posture|pace|stories|story|pitch|salary|negotiat\w*)\b",
    re.IGNORECASE,
)
# What interviews for every role ask about: never called irrelevant to a role.
CORE_COMPETENCY_RE = re.compile(
    r"\b(?:communicat\w*|leadership|lead(?:ing)? (?:a |the )?team|teamwork|collaborat\w*|"
    r"problem[- ]solving|stakeholders?|negotiat\w*|presentations?|presenting|public speaking|"
    r"writing|time management|prioriti[sz]\w*|feedback|conflicts?|influenc\w*|storytelling|"
    r"emotional intelligence|listening|critical thinking|decision[- ]making|delegat\w*|"
    r"mentoring|coaching|adaptability|resilience|ownership)\b",
    re.IGNORECASE,
)
# What people in common roles are asked about: a goal on these is relevant to that role even
# when it shares no word with the role's title.
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    r"data|analyst|analytics|scientist|bi\b|business intelligence": (
        "sql", "excel", "python", "r", "tableau", "power bi", "statistic", "dashboard",
        "pandas", "regression", "a/b", "experiment", "visuali", "machine learning", "etl",
        "spreadsheet", "metric", "kaggle", "case stud",
    ),
    r"software|developer|engineer|programmer|sre|devops|backend|frontend|full[- ]stack": (
        "leetcode", "algorithm", "data structure", "system design", "coding", "code",
        "python", "java", "javascript", "typescript", r"go\b", "rust", r"c\+\+", "kubernetes",
        "docker", "aws", "api", "hackerrank", "debug", "git", "whiteboard", "take-home",
    ),
    r"product manager|product owner|\bpm\b|product": (
        "product", "roadmap", "prioriti", "metric", "user research", "case stud", "strategy",
        "sql", "a/b", "stakeholder", "spec", "estimation", "market",
    ),
    r"design|ux|ui\b|researcher": (
        "portfolio", "figma", "prototype", "user research", "usability", "case stud",
        "wireframe", "design system", "accessibility", "whiteboard",
    ),
    "marketing|growth|brand|content|seo": (
        "campaign", "seo", "content", "analytics", "brand", "social media", "copy", "funnel",
        "google ads", "email marketing", "a/b", "market",
    ),
    "sales|account executive|business development|sdr|bdr": (
        "pitch", "cold call", "crm", "salesforce", "quota", "negotiat", "objection", "demo",
        "prospect", "pipeline",
    ),
    "finance|accountant|accounting|banking|investment|analyst": (
        "excel", "valuation", "dcf", "financial model", "accounting", "cfa", "cpa",
        "modeling", "modelling", "balance sheet", "earnings", "market",
    ),
    "nurs|clinical|health|medical|patient": (
        "patient", "clinical", "care plan", "nclex", "medication", "triage", "bls", "acls",
        "charting", "shadow", "ward",
    ),
    "teach|education|school|tutor|instructor": (
        "lesson", "classroom", "curriculum", "pupil", "student", "assessment", "demo lesson",
        "behaviour management", "behavior management", "safeguarding",
    ),
    "project manager|program manager|scrum|agile|delivery": (
        "pmp", "prince2", "agile", "scrum", "stakeholder", "risk", "gantt", "jira", "budget",
        "timeline", "kanban",
    ),
}  # fmt: skip
PROPER_NOUN_RE = re.compile(r"(?<=[a-z,;:]\s)([A-Z][A-Za-z0-9&.'-]+)|\b([A-Z]{2,}[0-9]*)\b")
# Rough hours one unit takes, for goals whose steps are not planned yet.
HOURS_PER_UNIT: list[tuple[str, float]] = [
    ("mock interview", 1.5), ("interview", 1.5), ("stor", 0.75), ("answer", 0.5),
    ("question", 0.5), ("fact", 0.25), ("problem", 0.75), ("exercise", 0.5), ("kata", 0.5),
    ("application", 1.0), ("chat", 1.0), ("call", 0.75), ("coffee", 1.0), ("meeting", 1.0),
    ("article", 0.75), ("paper", 1.5), ("chapter", 1.5), ("book", 8.0), ("course", 15.0),
    ("module", 2.0), ("event", 2.5), ("meetup", 2.5), ("conference", 8.0), ("session", 1.0),
    ("hour", 1.0), ("minute", 1 / 60), ("message", 0.25), ("email", 0.25), ("people", 0.5),
    ("contact", 0.5), ("connection", 0.25), ("case stud", 1.5), ("project", 10.0),
    ("presentation", 3.0), ("post", 1.0), ("podcast", 1.0), ("video", 0.5),
]  # fmt: skip
QUALIFIER_RE = re.compile(
    r"\b(?:about|on|covering|for|with|from|in|at|to)\s+(?:the\s+|my\s+|a\s+|an\s+|each\s+)?"
    r"(?P<what>[a-z][\w'-]+(?:\s+[a-z][\w'-]+){0,3})"
    r"|\b(?:each|every|all)\s+(?:of\s+)?(?:the\s+|my\s+)?(?P<each>[a-z][\w'-]+)",
    re.IGNORECASE,
)
GENERIC_OBJECTS = frozenset(
    """the company industry role interview interviews job stuff things it them people events
    friday monday tuesday wednesday thursday saturday sunday week month year
    day tomorrow today future time product products team culture field sector trends news
    fewer more less better ums uhs basics""".split()
)
