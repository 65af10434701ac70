"""What the feedback app's reach registers at start-up: the worker's letters and the thank-you page's link."""

from jobs.builders import register


def register_reach() -> None:
    from feedback.family_letters import BUILDERS
    from feedback.thanks_link import feedback_link
    from surveys.after_thanks import register as register_thanks_link

    for kind, builder in BUILDERS.items():
        register(kind, builder)
    register_thanks_link(feedback_link)
