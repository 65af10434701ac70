"""`manage.py load_actions` loads the action library from actions/content/, once per version of the files."""

from io import StringIO

from django.core.management import call_command

from actions.library_content import read_library
from actions.library_loading import DIGEST_PREFIX
from actions.models import LibraryAction, LibraryActionText
from framework.models import ContentRelease


def load_actions(*args: str) -> str:
    out = StringIO()
    call_command("load_actions", *args, stdout=out)
    return out.getvalue()


def test_the_library_is_loaded_into_an_empty_table_and_is_up_to_date_the_second_time(content: None) -> None:
    LibraryAction.objects.all().delete()
    ContentRelease.objects.filter(digest__startswith=DIGEST_PREFIX).delete()
    library = read_library()

    assert load_actions() == f"Action library loaded: {len(library.actions)} actions.\n"
    loaded = sorted(LibraryAction.objects.values_list("key", flat=True))
    assert loaded == sorted(action.key for action in library.actions)
    assert not LibraryAction.objects.filter(retired=True).exists()
    texts = sum(len(action.texts) for action in library.actions)
    assert LibraryActionText.objects.count() == texts

    assert load_actions() == "Action library is up to date.\n"
    assert sorted(LibraryAction.objects.values_list("key", flat=True)) == loaded
    assert LibraryActionText.objects.count() == texts


def test_force_loads_the_same_version_again(content: None) -> None:
    assert load_actions() == "Action library is up to date.\n"  # the content fixture loaded it
    count = len(read_library().actions)
    assert load_actions("--force") == f"Action library loaded: {count} actions.\n"
    assert LibraryAction.objects.filter(school__isnull=True).count() == count
