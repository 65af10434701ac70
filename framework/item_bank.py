"""What a school does with the item bank: see it, hide framework items, add its own."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from accounts.models import User
from framework.models import MASTER_LANGUAGE, Audience, Dimension, HiddenItem, Item, ItemText, Scale, TranslationStatus
from schools.models import School


def team_items_for_school(school: School) -> QuerySet[Item]:
    """The team items a school can use: the framework's (not retired) and its own."""
    return Item.objects.filter(Q(school__isnull=True) | Q(school=school), audience=Audience.TEAM, retired=False)


def visible_team_items(school: School) -> QuerySet[Item]:
    hidden = HiddenItem.objects.filter(school=school).values("item_id")
    return team_items_for_school(school).exclude(id__in=hidden)


def questionnaire_items() -> QuerySet[Item]:
    """The parents' and pupils' items: the framework's, mirrored on the team's constructs."""
    return Item.objects.filter(school__isnull=True, retired=False).exclude(audience=Audience.TEAM)


def set_hidden(school: School, item: Item, hidden: bool, by: User) -> None:
    if hidden:
        try:
            with transaction.atomic():
                HiddenItem.objects.get_or_create(school=school, item=item, defaults={"hidden_by": by})
        except IntegrityError:  # hidden at the same moment by someone else: the outcome is the same
            pass
    else:
        HiddenItem.objects.filter(school=school, item=item).delete()


def add_school_item(
    school: School, dimension: Dimension, direction: str, scale: Scale, text_nl: str, text_en: str
) -> Item:
    key = f"school.{uuid.uuid4()}"
    item = Item.objects.create(
        key=key,
        school=school,
        audience=Audience.TEAM,
        dimension=dimension,
        direction=direction,
        construct=key,
        scale=scale,
        position=10_000,  # after the framework's items of the dimension
    )
    ItemText.objects.create(item=item, language=MASTER_LANGUAGE, text=text_nl, status=TranslationStatus.REVIEWED)
    if text_en:
        ItemText.objects.create(item=item, language="en", text=text_en, status=TranslationStatus.DRAFT)
    return item
