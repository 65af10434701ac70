"""What the feedback app's reach registers at start-up: the worker's letters, the thank-you page's link and the
previous round's news on the next round's invitation letters."""

from jobs.builders import register


def register_reach() -> None:
    from feedback.family_letters import BUILDERS
    from feedback.letter_news import previous_round_news
    from feedback.thanks_link import feedback_link
    from surveys.after_thanks import register as register_thanks_link
    from surveys.letter_news import register as register_letter_news

    for kind, builder in BUILDERS.items():
        register(kind, builder)
    register_thanks_link(feedback_link)
    register_letter_news(previous_round_news)
