from typing import Any
from uuid import UUID

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from analysis.models import Round
from surveys.models import AnswerTally, GroupTally
from surveys.tallies import rebuild_tallies


def _tallies(round_: Round) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A round's tallies as sorted rows, to tell whether a rebuild changed anything."""
    group = ("audience", "group_label", "home_language", "language")
    answers = AnswerTally.objects.filter(round=round_).values_list(*group, "item_id", "total", "answered", "dont_know")
    groups = GroupTally.objects.filter(round=round_).values_list(*group, "responses")
    return sorted(answers), sorted(groups)


class Command(BaseCommand):
    help = (
        "Recompute parents' and pupils' tallies (AnswerTally, GroupTally) from the handed-in answers, "
        "for every round or for the one given with --round."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--round", dest="round_id", metavar="UUID", help="Rebuild only this round.")

    def handle(self, *args: Any, **options: Any) -> None:
        rounds = self._rounds(options["round_id"])
        for round_ in rounds:
            before = _tallies(round_)
            rebuild_tallies(round_)
            answers, groups = after = _tallies(round_)
            handed_in = sum(row[-1] for row in groups)
            outcome = "unchanged" if after == before else "repaired"
            self.stdout.write(
                f"{round_.id} ({round_.school.name}: {round_.title}): {outcome}; questionnaires handed in: "
                f"{handed_in}, group tallies: {len(groups)}, item tallies: {len(answers)}."
            )
        if not rounds:
            self.stdout.write("No rounds.")

    def _rounds(self, round_id: str | None) -> "QuerySet[Round]":
        rounds = Round.objects.select_related("school").order_by("school__name", "starts_on", "created_at")
        if round_id is None:
            return rounds
        try:
            key = UUID(round_id)
        except ValueError as error:
            raise CommandError(f"{round_id!r} is not a round id (a UUID).") from error
        rounds = rounds.filter(id=key)
        if not rounds:
            raise CommandError(f"There is no round with id {key}.")
        return rounds
