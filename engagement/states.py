"""The consultation's states: draft → in consultation → adopted → published. Pure, no database."""

from dataclasses import dataclass

from engagement.models import DeclarationState as State


@dataclass(frozen=True)
class Step:
    name: str
    from_states: tuple[str, ...]
    to_state: str


STEPS = {
    "consult": Step("consult", (State.DRAFT,), State.CONSULTATION),
    "back_to_draft": Step("back_to_draft", (State.CONSULTATION,), State.DRAFT),
    "adopt": Step("adopt", (State.CONSULTATION,), State.ADOPTED),
    "publish": Step("publish", (State.ADOPTED,), State.PUBLISHED),
}


def allowed_steps(state: str) -> list[str]:
    return [step.name for step in STEPS.values() if state in step.from_states]


def state_after_text_change(state: str) -> str:
    """A change to an adopted text needs the schoolraad again; a change to a published one starts a new draft
    (the published version stays online until the new one is published)."""
    if state == State.ADOPTED:
        return State.CONSULTATION
    if state == State.PUBLISHED:
        return State.DRAFT
    return state
