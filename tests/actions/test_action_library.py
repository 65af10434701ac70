"""The action library as versioned data."""

import shutil
from collections import Counter
from pathlib import Path

import pytest

from actions.library_content import LIBRARY_DIR, read_library
from actions.library_loading import load_action_library
from actions.models import LibraryAction
from framework.content_files import DIMENSION_KEYS, ContentError


def test_the_library_holds_at_least_forty_tagged_actions_in_dutch_and_english() -> None:
    library = read_library()
    assert len(library.actions) >= 40
    for action in library.actions:
        assert set(action.texts) >= {"nl", "en"}, action.key
        assert action.dimensions and action.effort and action.target_group
    per_dimension = Counter(dimension for action in library.actions for dimension in action.dimensions)
    assert set(per_dimension) == set(DIMENSION_KEYS)
    assert sum(action.pupil_role in ("participates", "leads") for action in library.actions) >= 15


def test_a_pupils_part_is_required_exactly_when_pupils_have_a_role(tmp_path: Path) -> None:
    target = tmp_path / "content"
    shutil.copytree(LIBRARY_DIR, target)
    library = target / "library.toml"
    library.write_text(library.read_text().replace('pupil_role = "none"', 'pupil_role = "leads"', 1))
    with pytest.raises(ContentError, match="pupil_part"):
        read_library(target)


@pytest.mark.django_db
def test_reloading_retires_actions_that_left_the_files(content: None, tmp_path: Path) -> None:
    target = tmp_path / "content"
    shutil.copytree(LIBRARY_DIR, target)
    library = target / "library.toml"
    blocks = library.read_text().split("[[action]]")
    removed = blocks[1].split('key = "', 1)[1].split('"', 1)[0]
    library.write_text("[[action]]".join([blocks[0], *blocks[2:]]))
    load_action_library(read_library(target))
    assert LibraryAction.objects.get(key=removed).retired
    assert LibraryAction.objects.filter(retired=False).count() == len(read_library().actions) - 1
