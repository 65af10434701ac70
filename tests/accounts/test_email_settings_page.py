"""“My e-mail”: the message that the settings are saved comes in the language just chosen, as the page does."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.helpers.world import World

pytestmark = pytest.mark.django_db

SAVED = "Your e-mail settings are saved."


@pytest.mark.parametrize(("before", "after"), [("nl", "en"), ("en", "nl")])
def test_the_saved_message_speaks_the_language_just_chosen(
    world: World, bob_client: Client, before: str, after: str
) -> None:
    User.objects.filter(pk=world.bob.pk).update(language=before)
    bob_client.cookies[settings.LANGUAGE_COOKIE_NAME] = before  # the page the person starts from
    assert f'<html lang="{before}"' in bob_client.get(reverse("accounts:email_settings")).content.decode()
    response = bob_client.post(reverse("accounts:email_settings"), {"language": after}, follow=True)
    assert response.status_code == 200
    assert response.content.decode().count(f'<html lang="{after}"') == 1
    [message] = [str(message) for message in response.context["messages"]]
    with translation.override(after):
        assert message == translation.gettext(SAVED)
    with translation.override(before):
        assert message != translation.gettext(SAVED)
