"""The support directory as versioned data: the organisations a Flemish school turns to today, loaded from
support/content/ once per version, and no defunct organisation named anywhere a user reads."""

import importlib
import re
import shutil
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from actions.models import Action
from framework.content_files import ContentError
from framework.models import ContentRelease
from support.directory_content import DIRECTORY_DIR, read_directory
from support.directory_loading import DIGEST_PREFIX, load_support_directory
from support.models import OrganisationKind, SupportOrganisation
from tests.helpers.respondent_helpers import html_element
from tests.helpers.world import World

ROOT = Path(settings.BASE_DIR)
# What issue 11 asks the directory to name, each found in an organisation's name.
TODAYS_ORGANISATIONS = (
    "Agentschap Integratie en Inburgering",
    "Sociaal Tolken",
    "Atlas",
    "IN-Gent",
    "Onderwijscentrum Brussel",
    "Huis van het Nederlands",
    "CLB",
    "Pedagogische begeleidingsdienst",
    "VCOV",
    "KOOGO",
    "GO! ouders",
    "Steunpunt Diversiteit & Leren",
    "KeKi",
    "Kinderrechtencommissariaat",
)
DEFUNCT = "Kruispunt"


def directory_rows() -> list[tuple[object, ...]]:
    return list(
        SupportOrganisation.objects.order_by("key").values_list(
            "id", "key", "name", "kind", "region", "website", "help_nl", "help_en", "position", "content_version"
        )
    )


def copy_of_content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(DIRECTORY_DIR, copy)
    return copy


def test_the_content_file_names_todays_organisations_with_a_valid_kind_and_their_help() -> None:
    directory = read_directory()
    assert directory.version >= 1
    names = [entry.name for entry in directory.organisations]
    for wanted in TODAYS_ORGANISATIONS:
        assert any(wanted in name for name in names), wanted
    for entry in directory.organisations:
        assert entry.kind in OrganisationKind.values
        assert entry.help_nl and entry.help_en and entry.region
        assert entry.website == "" or re.fullmatch(r"https://www\.[a-z0-9.-]+\.be", entry.website), entry.website
    go_ouders = next(entry for entry in directory.organisations if entry.key == "go-ouders")
    assert "Oudervriendelijke school" in go_ouders.help_nl
    assert len({entry.key for entry in directory.organisations}) == len(names)


def test_no_phone_number_or_street_address_is_invented() -> None:
    data = tomllib.loads((DIRECTORY_DIR / "directory.toml").read_text())
    values = " ".join(str(value) for entry in data["organisation"] for value in entry.values())
    assert not re.search(r"\d{2,3}[ /.]\d{2}[ .]\d{2}", values)  # 09 123 45 67, 02/123.45.67
    assert not re.search(r"\b\d{4} [A-Z][a-z]+", values)  # a postcode and a town
    assert "straat" not in values.lower() and "laan " not in values.lower()


@pytest.mark.django_db
def test_loading_puts_every_organisation_in_the_directory(content: None, bob_client: Client) -> None:
    directory = read_directory()
    assert load_support_directory() == len(directory.organisations)
    page = bob_client.get(reverse("support:directory"))
    shown = [organisation.name for organisation in page.context["organisations"]]
    assert sorted(shown) == sorted(entry.name for entry in directory.organisations)
    assert 'data-testid="example-badge"' not in page.content.decode()  # real organisations, not invented ones


@pytest.mark.django_db
def test_loading_twice_changes_nothing(content: None) -> None:
    assert load_support_directory() > 0
    loaded = directory_rows()
    assert load_support_directory() == 0
    assert directory_rows() == loaded
    assert ContentRelease.objects.filter(digest__startswith=DIGEST_PREFIX).count() == 1
    out = StringIO()
    call_command("load_support_directory", stdout=out)
    assert out.getvalue().strip() == "Support directory is up to date."
    assert directory_rows() == loaded


@pytest.mark.django_db
def test_a_new_version_updates_entries_and_retires_what_left(content: None, world: World, tmp_path: Path) -> None:
    load_support_directory()
    keki = SupportOrganisation.objects.get(key="keki")
    action = Action.objects.create(school=world.school, round=world.round, title="Kinderrechtenweek", support=keki)
    own = SupportOrganisation.objects.create(name="Buurtwerk De Brug", kind=OrganisationKind.OTHER, region="Gent")
    copy = copy_of_content(tmp_path)
    source = (copy / "directory.toml").read_text()
    source = source.replace("version = 1", "version = 2", 1)
    source = source.replace('region = "Gent"\nwebsite = "https://www.in-gent.be"', 'region = "Gent en omgeving"', 1)
    source = (
        source[: source.index('[[organisation]]\nkey = "keki"')]
        + source[source.index('[[organisation]]\nkey = "kind') :]
    )
    (copy / "directory.toml").write_text(source)
    new_version = read_directory(copy)

    assert load_support_directory(new_version) == len(new_version.organisations)

    in_gent = SupportOrganisation.objects.get(key="in-gent")
    assert (in_gent.region, in_gent.website, in_gent.content_version) == ("Gent en omgeving", "", 2)
    keki.refresh_from_db()
    assert keki.retired
    action.refresh_from_db()
    assert action.support_id == keki.id  # the action keeps the organisation it named
    own.refresh_from_db()
    assert (own.key, own.retired, own.region) == (None, False, "Gent")
    shown = world.client_for(world.bob).get(reverse("support:directory")).context["organisations"]
    assert "KeKi (Kenniscentrum Kinderrechten)" not in [organisation.name for organisation in shown]
    assert "Buurtwerk De Brug" in [organisation.name for organisation in shown]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('kind = "expertise"', 'kind = "kruispunt"'), "kind must be one of"),
        (('key = "vcov"', 'key = "in-gent"'), "the key must be unique"),
        (("version = 1", 'version = "een"'), "'version' must be a whole number"),
        (('website = "https://www.keki.be"', 'website = "http://www.keki.be"'), "website must start with https://"),
        (('help_en = "Umbrella of parents and', 'help_english = "Umbrella of parents and'), "'help_en' is missing"),
    ],
)
def test_a_broken_content_file_is_refused_with_the_entry_named(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    copy = copy_of_content(tmp_path)
    source = (copy / "directory.toml").read_text()
    assert change[0] in source
    (copy / "directory.toml").write_text(source.replace(change[0], change[1], 1))
    with pytest.raises(ContentError, match=re.escape(message)):
        read_directory(copy)


@pytest.mark.django_db
def test_the_directory_shows_the_help_in_the_interface_language(content: None, bob_client: Client) -> None:
    load_support_directory()
    dutch = bob_client.get(reverse("support:directory"), {"region": "Gent"}).content.decode()
    assert "Het agentschap voor integratie en inburgering in Gent" in dutch
    bob_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = bob_client.get(reverse("support:directory"), {"region": "Gent"}).content.decode()
    assert "The agency for integration and civic integration in Ghent" in english
    assert "Het agentschap voor integratie" not in english


@pytest.mark.django_db
def test_the_guide_names_the_organisations_of_the_directory(content: None) -> None:
    client = Client()
    assert 'data-testid="support-organisations"' not in client.get(reverse("guide:werkkader")).content.decode()
    load_support_directory()
    page = client.get(reverse("guide:werkkader")).content.decode()
    for entry in read_directory().organisations:
        assert f"<strong>{entry.name.replace('&', '&amp;')}</strong>: {entry.help_nl}" in page.replace("&#x27;", "'")
    assert DEFUNCT not in page


def test_no_defunct_organisation_in_templates_content_or_catalogues() -> None:
    found = [
        str(path.relative_to(ROOT))
        for directory in [ROOT / "templates", *ROOT.glob("*/templates")]
        for path in directory.rglob("*.html")
        if DEFUNCT in path.read_text()
    ]
    # Content files are read as data: a history note in a comment may name what came before.
    for path in [*ROOT.glob("*/content/**/*.toml")]:
        if DEFUNCT in str(tomllib.loads(path.read_text())):
            found.append(str(path.relative_to(ROOT)))
    for language in ("nl", "en"):
        catalogue = (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
        translations = [block[block.index("\nmsgstr") :] for block in catalogue.split("\n\n") if "\nmsgstr" in block]
        found += [f"locale/{language}: {text.strip()[:60]}" for text in translations if DEFUNCT in text]
    with translation.override("nl"):
        found += [str(label) for label in OrganisationKind.labels if DEFUNCT in str(label)]
    assert not found


@pytest.mark.django_db
def test_the_migration_retires_the_invented_examples_of_before(content: None) -> None:
    invented = SupportOrganisation.objects.create(
        name="Expertisecentrum migratie en integratie (voorbeeld)", kind=OrganisationKind.EXPERTISE, is_example=True
    )
    real = SupportOrganisation.objects.create(name="CLB (voorbeeld)", kind=OrganisationKind.CLB, is_example=False)
    migration = importlib.import_module("support.migrations.0002_directory_content")
    migration.retire_invented_examples(apps, None)
    invented.refresh_from_db()
    real.refresh_from_db()
    assert invented.retired
    assert not real.retired


@pytest.mark.django_db
def test_the_demo_loads_the_directory(content: None, fast_password_hashing: None) -> None:
    call_command("load_demo", stdout=StringIO())
    keys = set(SupportOrganisation.objects.filter(retired=False).values_list("key", flat=True))
    assert keys == {entry.key for entry in read_directory().organisations}


@pytest.mark.django_db
def test_a_retired_organisation_is_offered_only_to_the_action_that_names_it(world: World) -> None:
    SupportOrganisation.objects.create(name="Taalpunt", kind=OrganisationKind.OTHER)
    gone = SupportOrganisation.objects.create(name="Oud centrum", kind=OrganisationKind.OTHER, retired=True)
    naming = Action.objects.create(school=world.school, round=world.round, title="Taalcafé", support=gone)
    client = world.client_for(world.alice)

    def offered(url: str) -> list[str]:
        select = next(node for node in html_element(client.get(url)).iter("select") if node.attrs["name"] == "support")
        return [option.text() for option in select.iter("option") if option.attrs.get("value")]

    assert offered(reverse("actions:create", args=[world.school.id, world.round.id])) == ["Taalpunt"]
    edit = reverse("actions:edit", args=[world.school.id, world.round.id, naming.id])
    assert offered(edit) == ["Oud centrum", "Taalpunt"]
