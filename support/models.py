"""Organisations that support schools with parental involvement: a directory kept by site administrators.

The organisations a Flemish school turns to today come from versioned data (support/content/, loaded by
`manage.py load_support_directory`); site administrators add others in the admin.
"""

import uuid

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    INTEGRATION = "integration", _("Integration agency or city integration service")
    INTERPRETING = "interpreting", _("Social interpreting and translation")
    DUTCH_FOR_ADULTS = "dutch_for_adults", _("Dutch for adults")
    EDUCATION_CENTRE = "education_centre", _("City education centre")
    CLB = "clb", _("Pupil guidance centre (CLB)")
    PEDAGOGICAL_SUPPORT = "pedagogical_support", _("Pedagogical support service of an education network")
    PARENT_UMBRELLA = "parent_umbrella", _("Parent umbrella organisation")
    EXPERTISE = "expertise", _("Expertise centre")
    CHILDRENS_RIGHTS = "childrens_rights", _("Children's rights")
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
    # Filled from support/content/ for the organisations in the versioned directory; empty for the admin's own.
    key = models.SlugField(_("key in the directory content"), max_length=80, unique=True, null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position in the directory content"), null=True, blank=True)
    content_version = models.PositiveIntegerField(_("directory content version"), null=True, blank=True)
    help_nl = models.TextField(_("kind of help (Dutch)"), blank=True)
    help_en = models.TextField(_("kind of help (English)"), blank=True)
    retired = models.BooleanField(
        _("retired"), default=False, help_text=_("Left the directory content; kept for the actions that name it.")
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def kind_of_help(self) -> str:
        """The help it gives, in the interface language when written in it (else Dutch), else the description."""
        if translation.get_language() == "en" and self.help_en:
            return self.help_en
        return self.help_nl or self.description
