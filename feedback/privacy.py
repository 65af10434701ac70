"""What the feedback page may say about respondents (issue 7's rules, applied to a page families read).

Pure functions, no database. Two guards:
- figures: a point is tied to a figure of the round's results. The results' own guards (chunks of five, the rule
  of five in results.perspectives) decide what exists; here a figure is refused when it rests on fewer than five
  people, when it is not (or no longer) what the results show, or when it could be subtracted from other figures
  the page shows or showed in an earlier published version to give fewer than five people;
- open answers: never quoted. The coordinator writes themes in their own words; a text that repeats an open
  answer (or a long run of its words) is refused.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from feedback.texts import FigureRef
from results.perspectives import MIN_GROUP_SIZE

SMALL_GROUP = "small_group"  # fewer than five people behind it
NOT_IN_RESULTS = "not_in_results"  # the round's results do not show this figure (or show another value)
BY_DIFFERENCE = "by_difference"  # with other shown figures, subtraction gives fewer than five people

# A run of this many words of an open answer is a quote; a whole answer of at least QUOTE_MIN_WORDS words too.
QUOTE_RUN_WORDS = 6
QUOTE_MIN_WORDS = 3
WORD = re.compile(r"\w+")


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
