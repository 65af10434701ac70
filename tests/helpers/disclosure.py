"""The differencing check of the privacy tests: which sets of 1–4 people a linear combination of shown sets gives.

Every figure (mean, count, rate, open answers) is a function of one set of people, so a set of people is exposed
exactly when its indicator vector lies in the span of the shown sets' indicator vectors. Exact rational
Gaussian elimination.
"""

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from itertools import combinations

MIN_GROUP = 5
People = frozenset[str]


def _reduce(basis: list[list[Fraction]], vector: list[Fraction]) -> list[Fraction]:
    vector = list(vector)
    for row in basis:
        pivot = next(index for index, value in enumerate(row) if value)
        if vector[pivot]:
            factor = vector[pivot] / row[pivot]
            vector = [value - factor * other for value, other in zip(vector, row, strict=True)]
    return vector


def exposed_sets(shown: Iterable[People], everyone: People) -> list[People]:
    """Sets of 1–4 people whose indicator is a linear combination of the shown sets' indicators.

    Vectors in the span are constant on classes of people who appear in exactly the same shown sets, so only
    unions of classes can be exposed; those of fewer than five people are tried one by one.
    """
    shown = [set_ for set_ in shown if set_]
    signature: dict[str, tuple[int, ...]] = {
        person: tuple(index for index, set_ in enumerate(shown) if person in set_) for person in everyone
    }
    classes: dict[tuple[int, ...], set[str]] = defaultdict(set)
    for person, key in signature.items():
        classes[key].add(person)
    members = list(classes.values())
    basis: list[list[Fraction]] = []
    for set_ in shown:
        vector = [Fraction(1 if next(iter(group)) in set_ else 0) for group in members]
        reduced = _reduce(basis, vector)
        if any(reduced):
            basis.append(reduced)
    small = [index for index, group in enumerate(members) if len(group) < MIN_GROUP]
    exposed = []
    for size in range(1, len(small) + 1):
        for chosen in combinations(small, size):
            people = sum(len(members[index]) for index in chosen)
            if people >= MIN_GROUP:
                continue
            vector = [Fraction(1 if index in chosen else 0) for index in range(len(members))]
            if not any(_reduce(basis, vector)):
                exposed.append(frozenset().union(*(members[index] for index in chosen)))
    return exposed
