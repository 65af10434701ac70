"""Loading the content files into the database, again and again without touching answers.

Rows are matched on their key: texts are updated in place, new rows are added, framework items
that left the files are retired (kept, because answers point at them). Answers are never read
or written here.
"""

from dataclasses import dataclass

from framework.content_files import Content, read_content
from framework.models import (
    Dimension,
    DimensionText,
    Item,
    ItemText,
    Scale,
    ScaleText,
)
from framework.releases import load_once


@dataclass(frozen=True)
class LoadReport:
    skipped: bool
    items_created: int = 0
    items_updated: int = 0
    items_retired: int = 0


def load_framework(content: Content | None = None, force: bool = False) -> LoadReport:
    read = content or read_content()

    def load() -> LoadReport:
        return _load_items(read, _load_dimensions(read), _load_scales(read))

    return load_once(read.digest, load, force) or LoadReport(skipped=True)


def _load_dimensions(content: Content) -> dict[str, Dimension]:
    dimensions: dict[str, Dimension] = {}
    for entry in content.dimensions:
        dimension, _created = Dimension.objects.update_or_create(
            key=entry.key, defaults={"position": entry.position, "below_surface": entry.below_surface}
        )
        for language, fields in entry.texts.items():
            DimensionText.objects.update_or_create(dimension=dimension, language=language, defaults=fields)
        dimensions[entry.key] = dimension
    return dimensions


def _load_scales(content: Content) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for entry in content.scales:
        scale, _created = Scale.objects.get_or_create(key=entry.key)
        for language, fields in entry.texts.items():
            ScaleText.objects.update_or_create(scale=scale, language=language, defaults=fields)
        scales[entry.key] = scale
    return scales


def _load_items(content: Content, dimensions: dict[str, Dimension], scales: dict[str, Scale]) -> LoadReport:
    existing = {item.key: item for item in Item.objects.filter(school__isnull=True)}
    created = updated = 0
    for entry in content.items:
        values = {
            "audience": entry.audience,
            "dimension": dimensions[entry.dimension],
            "direction": entry.direction,
            "construct": entry.construct,
            "scale": scales[entry.scale],
            "position": entry.position,
            "retired": False,
        }
        item = existing.get(entry.key)
        if item is None:
            item = Item.objects.create(key=entry.key, **values)
            created += 1
        elif any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, value)
            item.save()
            updated += 1
        for language, (text, status) in entry.texts.items():
            ItemText.objects.update_or_create(item=item, language=language, defaults={"text": text, "status": status})
    gone = set(existing) - {entry.key for entry in content.items}
    retired = Item.objects.filter(school__isnull=True, key__in=gone, retired=False).update(retired=True)
    return LoadReport(skipped=False, items_created=created, items_updated=updated, items_retired=retired)
