"""Organisations that support schools with parental involvement: a directory kept by site administrators."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    INTEGRATION = "integration", _("Integration centre or service")
    EXPERTISE = "expertise", _("Expertise centre (Kruispunt Migratie-Integratie)")
    CLB = "clb", _("Pupil guidance centre (CLB)")
    PARENT_UMBRELLA = "parent_umbrella", _("Parent umbrella organisation")
    OTHER = "other", _("Other")


class SupportOrganisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    region = models.CharField(_("region"), max_length=100, blank=True)
    themes = models.TextField(_("themes"), blank=True)
    offers_training = models.BooleanField(_("offers training"), default=False)
    offers_projects = models.BooleanField(_("offers projects"), default=False)
    offers_coaching = models.BooleanField(_("offers coaching"), default=False)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    is_example = models.BooleanField(
        _("demo entry"), default=False, help_text=_("An invented example, shown with an “example” badge.")
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")

    def __str__(self) -> str:
        return self.name
