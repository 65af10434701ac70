"""What the feedback page may say about respondents (issue 7's rules, applied to a page families read).

Pure functions, no database. Two guards:
- figures: a point is tied to a figure of the round's results. The results' own guards (chunks of five, the rule
  of five in results.perspectives) decide what exists; here a figure is refused when it rests on fewer than five
  people, when it is not (or no longer) what the results show, or when it could be subtracted from other figures
  the page shows or showed in an earlier published version to give fewer than five people;
- open answers: never quoted. The coordinator writes themes in their own words; a text that repeats an open
  answer, a run of four of its words, or a name it mentions is refused.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from feedback.readability import JARGON_FILE
from feedback.texts import FigureRef
from framework.content_files import CONTENT_DIR
from respondents.languages import LANGUAGES, dutch_name
from results.perspectives import MIN_GROUP_SIZE

SMALL_GROUP = "small_group"  # fewer than five people behind it
NOT_IN_RESULTS = "not_in_results"  # the round's results do not show this figure (or show another value)
BY_DIFFERENCE = "by_difference"  # with other shown figures, subtraction gives fewer than five people

# A run of this many words of an open answer is a quote; a whole answer of at least QUOTE_MIN_WORDS words too.
QUOTE_RUN_WORDS = 4
QUOTE_MIN_WORDS = 3
WORD = re.compile(r"\w+")
# A capitalised word inside a sentence ("… gepest door Kevin"): in Dutch that is a name, a place or a language.
SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*)\W*$")
# The Dutch a page is written in: words of the framework's questionnaires and dimensions, the jargon list, and the
# language names; a capitalised word among them (Vlaanderen, Turks) is no one's name.
VOCABULARY_FILES = (JARGON_FILE, *sorted(CONTENT_DIR.glob("*.toml")), *sorted(CONTENT_DIR.glob("items/*.toml")))


@dataclass(frozen=True)
class FigureProblem:
    figure: FigureRef
    reason: str


def _difference_problems(figures: Sequence[FigureRef]) -> list[FigureProblem]:
    """Within one audience and dimension: a whole-school figure minus any set of group figures, and the same figure
    at two moments, must not leave 1–4 people."""
    problems = []
    per_topic: dict[tuple[str, str], list[FigureRef]] = defaultdict(list)
    for figure in figures:
        per_topic[(figure.audience, figure.dimension)].append(figure)
    for shown in per_topic.values():
        wholes = [figure for figure in shown if not figure.group]
        groups = [figure for figure in shown if figure.group]
        for whole in wholes:
            distinct_groups = {figure.group: figure for figure in groups}.values()
            for size in range(1, len(distinct_groups) + 1):
                for chosen in combinations(distinct_groups, size):
                    rest = whole.respondents - sum(figure.respondents for figure in chosen)
                    if 0 < rest < MIN_GROUP_SIZE:
                        problems += [FigureProblem(figure, BY_DIFFERENCE) for figure in chosen]
        for first, second in combinations(shown, 2):
            if first.key == second.key and 0 < abs(first.respondents - second.respondents) < MIN_GROUP_SIZE:
                problems += [FigureProblem(first, BY_DIFFERENCE), FigureProblem(second, BY_DIFFERENCE)]
    return problems


def figure_problems(
    figures: Sequence[FigureRef], allowed: Mapping[str, FigureRef], shown_before: Iterable[FigureRef] = ()
) -> list[FigureProblem]:
    """Why figures cannot go on the page (empty when they can).

    `allowed`: the figures the round's results show now, by key; `shown_before`: those of published versions."""
    problems = []
    for figure in figures:
        if figure.respondents < MIN_GROUP_SIZE:
            problems.append(FigureProblem(figure, SMALL_GROUP))
        elif allowed.get(figure.key) != figure:
            problems.append(FigureProblem(figure, NOT_IN_RESULTS))
    earlier = [figure for figure in shown_before if figure not in figures]
    problems += [problem for problem in _difference_problems([*figures, *earlier]) if problem.figure in figures]
    return list(dict.fromkeys(problems))


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def quoted_open_answers(text: str, open_answers: Iterable[str]) -> list[str]:
    """The open answers `text` repeats: the whole answer (of at least three words) or a run of six of its words."""
    words = _words(text)
    runs = {tuple(words[start : start + QUOTE_RUN_WORDS]) for start in range(len(words) - QUOTE_RUN_WORDS + 1)}
    joined = f" {' '.join(words)} "
    quoted = []
    for answer in open_answers:
        answer_words = _words(answer)
        if len(answer_words) < QUOTE_MIN_WORDS:
            continue
        whole = f" {' '.join(answer_words)} " in joined
        answer_runs = (
            tuple(answer_words[start : start + QUOTE_RUN_WORDS])
            for start in range(len(answer_words) - QUOTE_RUN_WORDS + 1)
        )
        if whole or any(run in runs for run in answer_runs):
            quoted.append(answer)
    return quoted


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    words: set[str] = set()
    for path in VOCABULARY_FILES:
        words.update(_words(Path(path).read_text(encoding="utf-8")))
    words.update(_words(" ".join(dutch_name(code) for code in LANGUAGES)))
    return frozenset(words)


def names_in(answer: str) -> list[str]:
    """The words of an open answer that look like names: capitalised, not the first word of a sentence, and not
    a word of the Dutch the page is written in."""
    names = []
    for match in re.finditer(r"[^\W\d_][\w'-]*", answer):
        word = match.group()
        if not word[0].isupper() or SENTENCE_START.search(answer[: match.start()]):
            continue
        if word.casefold() not in ordinary_words() and word not in names:
            names.append(word)
    return names


def repeated_names(text: str, open_answers: Iterable[str]) -> list[str]:
    """The names from open answers that `text` repeats (in any case)."""
    words = set(_words(text))
    found: list[str] = []
    for answer in open_answers:
        found += [name for name in names_in(answer) if name.casefold() in words and name not in found]
    return found
