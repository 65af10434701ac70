"""Starting, changing, adopting and publishing a declaration. Every change of text is a new version."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from engagement.consultation.opened_mail import mail_consultation_opened
from engagement.editor.guardrails import can_publish, check_declaration
from engagement.models import Declaration, DeclarationVersion, StartedFrom
from engagement.states import STEPS, state_after_text_change
from engagement.template_content import read_dutch_template
from engagement.texts import DeclarationText, declaration_text
from schools.models import School


class StepNotAllowed(Exception):
    """The step does not fit the declaration's state, or its rule is not met."""


def version_text(version: DeclarationVersion) -> DeclarationText:
    return declaration_text(version.title, version.introduction, version.domains)


def template_text() -> DeclarationText:
    dutch = read_dutch_template()  # not the 13 translations: only the Dutch starts a declaration
    return DeclarationText(dutch.title, dutch.introduction, dutch.domain_titles, dutch.domains)


def latest_version(declaration: Declaration) -> DeclarationVersion:
    version = declaration.versions.order_by("-number").first()
    assert version is not None, "a declaration is created with its first version"
    return version


@transaction.atomic
def start_declaration(school: School, school_year: str, user: User, previous: Declaration | None = None) -> Declaration:
    """A new declaration from the template or, given last year's, from its newest text."""
    if previous is not None:
        text = version_text(previous.published_version or latest_version(previous))
        started_from = StartedFrom.PREVIOUS
    else:
        text = template_text()
        started_from = StartedFrom.TEMPLATE
    declaration = Declaration.objects.create(
        school=school, school_year=school_year, started_from=started_from, previous=previous
    )
    _add_version(declaration, text, user, "")
    return declaration


def _add_version(declaration: Declaration, text: DeclarationText, user: User, note: str) -> DeclarationVersion:
    number = (declaration.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
    return DeclarationVersion.objects.create(
        declaration=declaration,
        school_id=declaration.school_id,
        number=number,
        title=text.title,
        introduction=text.introduction,
        domains=text.domains_json(),
        change_note=note,
        created_by=user,
    )


@transaction.atomic
def change_text(declaration: Declaration, text: DeclarationText, user: User, note: str) -> DeclarationVersion | None:
    """Keep the change as a new version; None when nothing changed. Changing an adopted or published
    text takes the declaration back (see states.state_after_text_change)."""
    Declaration.objects.select_for_update().filter(pk=declaration.pk).first()  # one writer at a time
    current = latest_version(declaration)
    if version_text(current) == text:
        return None
    version = _add_version(declaration, text, user, note)
    new_state = state_after_text_change(declaration.state)
    if new_state != declaration.state:
        declaration.state = new_state
        declaration.save(update_fields=["state"])
    return version


@transaction.atomic
def take_step(declaration: Declaration, name: str, adopted_on: date | None = None) -> None:
    step = STEPS.get(name)
    if step is None or declaration.state not in step.from_states:
        raise StepNotAllowed(name)
    current = latest_version(declaration)
    if name == "adopt":
        if adopted_on is None:
            raise StepNotAllowed("adoption needs the date of the schoolraad meeting")
        declaration.adopted_on = adopted_on
        declaration.adopted_version = current
    if name == "publish":
        if not can_publish(check_declaration(version_text(current).domains)):
            raise StepNotAllowed("a declaration with a missing or empty domain cannot be published")
        if declaration.adopted_version_id != current.pk:
            raise StepNotAllowed("only the adopted text can be published")
        current.published_at = timezone.now()
        current.save(update_fields=["published_at"])
        declaration.published_version = current
    declaration.state = step.to_state
    declaration.save()
    if name == "consult" and current.consultation_mailed_at is None:
        # Once per text: closing and re-opening the same version must not mail everyone again; a changed text may.
        current.consultation_mailed_at = timezone.now()
        current.save(update_fields=["consultation_mailed_at"])
        mail_consultation_opened(declaration)
