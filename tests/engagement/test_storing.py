"""Storing what the families and translations pages send, without HTTP."""

from typing import Any

from engagement.families.importing import FamilyRow
from engagement.families.storing import store_families
from engagement.models import DeclarationTranslation, Family
from engagement.texts import DeclarationText
from engagement.translations.storing import save_translation
from framework.models import TranslationStatus
from tests.helpers.world import World


def families(world: World, year: str) -> set[tuple[str, str, str]]:
    rows = Family.objects.filter(school=world.school, school_year=year)
    return {(f.reference, f.class_name, f.language) for f in rows}


def test_a_family_list_updates_known_references_and_adds_new_ones(world: World) -> None:
    first = store_families(world.school, "2026-2027", [FamilyRow(2, "F1", "1A", "nl"), FamilyRow(3, "F2", "1A", "ar")])
    assert (first.created, first.updated) == (2, 0)
    store_families(world.school, "2025-2026", [FamilyRow(2, "F1", "6B", "nl")])  # last year's stays apart
    again = store_families(world.school, "2026-2027", [FamilyRow(2, "F1", "2A", "nl"), FamilyRow(3, "F3", "1B", "tr")])
    assert (again.created, again.updated) == (1, 1)
    assert families(world, "2026-2027") == {("F1", "2A", "nl"), ("F2", "1A", "ar"), ("F3", "1B", "tr")}
    assert families(world, "2025-2026") == {("F1", "6B", "nl")}


def test_an_unchanged_family_is_not_counted_as_updated(world: World) -> None:
    store_families(world.school, "2026-2027", [FamilyRow(2, "F1", "1A", "nl")])
    result = store_families(world.school, "2026-2027", [FamilyRow(2, "F1", "1A", "nl")])
    assert (result.created, result.updated) == (0, 0)


def test_saving_a_translation_again_replaces_it(world: World, published_declaration: Any) -> None:
    version = published_declaration.published_version
    save_translation(version, "tr", DeclarationText("Başlık", "Giriş"), TranslationStatus.DRAFT, world.alice)
    save_translation(version, "tr", DeclarationText("Yeni başlık", ""), TranslationStatus.REVIEWED, world.bob)
    stored = DeclarationTranslation.objects.get(version=version, language="tr")
    assert (stored.title, stored.introduction, stored.status, stored.updated_by) == (
        "Yeni başlık",
        "",
        TranslationStatus.REVIEWED,
        world.bob,
    )
    assert stored.school_id == world.school.id
