"""The werkkader as versioned data, and loading it again without touching answers."""

import shutil
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from analysis.models import Answer, TeamResponse
from analysis.rounds import save_page
from framework.content_files import CONTENT_DIR, DIMENSION_KEYS, ContentError, read_content
from framework.loading import load_framework
from framework.models import Dimension, DimensionText, Item, ItemText
from framework.releases import latest_release
from tests.helpers.world import World


def test_content_files_are_valid_and_complete() -> None:
    content = read_content()
    assert [d.key for d in content.dimensions] == list(DIMENSION_KEYS)
    for dimension in content.dimensions:
        assert set(dimension.texts) >= {"nl", "en"}
        assert all(dimension.texts["nl"][field] for field in ("name", "description", "question"))


def test_team_item_bank_covers_both_directions_and_the_team_itself() -> None:
    team = [item for item in read_content().items if item.audience == "team"]
    assert len(team) >= 60
    counts = Counter((item.dimension, item.direction) for item in team)
    for dimension in DIMENSION_KEYS:
        assert counts[(dimension, "parent_to_school")] >= 4
        assert counts[(dimension, "school_to_parent")] >= 4
        assert 1 <= counts[(dimension, "team_self")] <= 2


def test_items_are_questions_with_english_translation() -> None:
    for item in read_content().items:
        assert item.texts["nl"][0].endswith("?"), item.key
        assert item.texts["en"][0].endswith("?"), item.key


def test_parent_and_pupil_items_mirror_team_constructs() -> None:
    items = read_content().items
    team_constructs = {item.construct for item in items if item.audience == "team"}
    mirrored = [item for item in items if item.audience != "team"]
    assert {item.audience for item in mirrored} == {"parent", "pupil_10_12", "pupil_12_18"}
    assert all(item.construct in team_constructs for item in mirrored)


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_a_broken_file_is_reported_with_its_name(tmp_path: Path) -> None:
    content_dir = copy_content(tmp_path)
    team = content_dir / "items" / "team.toml"
    team.write_text(team.read_text().replace('scale = "extent"', 'scale = "nonsense"', 1))
    with pytest.raises(ContentError, match=r"team\.toml.*unknown scale"):
        read_content(content_dir)


def test_a_mirror_without_team_construct_is_refused(tmp_path: Path) -> None:
    content_dir = copy_content(tmp_path)
    parent = content_dir / "items" / "parent.toml"
    text = parent.read_text()
    first_construct = text.split('construct = "', 1)[1].split('"', 1)[0]
    parent.write_text(text.replace(f'construct = "{first_construct}"', 'construct = "bestaat.niet"', 1))
    with pytest.raises(ContentError, match="not in the team's item bank"):
        read_content(content_dir)


@pytest.mark.django_db
def test_loading_twice_is_skipped_and_forced_reload_changes_nothing(content: None) -> None:
    before = (Item.objects.count(), ItemText.objects.count(), DimensionText.objects.count())
    release = latest_release()
    assert load_framework().skipped
    assert latest_release() == release  # nothing loaded: the servers' cached texts stay good
    report = load_framework(force=True)
    assert (report.items_created, report.items_updated, report.items_retired) == (0, 0, 0)
    assert (Item.objects.count(), ItemText.objects.count(), DimensionText.objects.count()) == before
    assert Dimension.objects.count() == 7
    # A forced load may have changed texts edited behind its back: every server reads them again.
    assert latest_release() > release


def test_upgrade_keeps_answers_and_retires_removed_items(world: World, tmp_path: Path) -> None:
    response = TeamResponse.objects.get(round=world.round, user=world.bob)
    kennis = Dimension.objects.get(key="kennis")
    kennis_items = list(world.round.items.filter(dimension=kennis, audience="team"))
    save_page(response, kennis, 1, {item.id: 4 for item in kennis_items}, "")
    answers_before = sorted(Answer.objects.values_list("item__key", "value"))

    content_dir = copy_content(tmp_path)
    team = content_dir / "items" / "team.toml"
    mirrored = set(Item.objects.exclude(audience="team").values_list("construct", flat=True))
    removed = next(item.key for item in kennis_items if item.construct not in mirrored)
    blocks = team.read_text().split("[[item]]")
    kept = [block for block in blocks if f'key = "{removed}"' not in block]
    team.write_text("[[item]]".join(kept).replace("Hoe ", "Hoe precies ", 1))
    call_command("load_framework", content_dir=content_dir)

    assert sorted(Answer.objects.values_list("item__key", "value")) == answers_before
    assert Item.objects.get(key=removed).retired
    assert not Item.objects.filter(school__isnull=True, audience="team", retired=False, key=removed).exists()
    assert ItemText.objects.filter(language="nl", text__startswith="Hoe precies ").count() == 1
