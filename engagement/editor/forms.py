"""Forms of the declaration editor: starting, editing and the year-end evaluation."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.domains import DOMAIN_KEYS, DOMAIN_LABELS, PART_LABELS, DomainText
from engagement.models import Delivery
from engagement.texts import TEXT_FIELDS, DeclarationText, is_blank

TEXT_LIMIT = 6000  # characters per part: a declaration is read on a phone
FROM_TEMPLATE, FROM_PREVIOUS = "template", "previous"


class StartForm(forms.Form):
    school_year = forms.ChoiceField(label=_("School year"))
    start_from = forms.ChoiceField(
        label=_("Start from"),
        widget=forms.RadioSelect,
        choices=[(FROM_TEMPLATE, _("The template")), (FROM_PREVIOUS, _("Last year's declaration"))],
        initial=FROM_TEMPLATE,
    )

    def __init__(self, *args: Any, years: list[str], has_previous: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year_field = self.fields["school_year"]
        assert isinstance(year_field, forms.ChoiceField)
        year_field.choices = [(year, year) for year in years]
        if not has_previous:
            start_field = self.fields["start_from"]
            assert isinstance(start_field, forms.ChoiceField)
            start_field.choices = [(FROM_TEMPLATE, _("The template"))]


class DeclarationForm(forms.Form):
    """The whole text at once: title, introduction and per domain its title and three parts."""

    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"), max_length=TEXT_LIMIT, required=False, widget=forms.Textarea
    )
    change_note = forms.CharField(
        label=_("What did you change? (optional)"),
        max_length=300,
        required=False,
        help_text=_("Shown in the version history, for example: after the comments of the parent association."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key in DOMAIN_KEYS:
            self.fields[f"{key}-title"] = forms.CharField(
                label=_("Title of the domain"), max_length=200, required=False
            )
            for part in TEXT_FIELDS:
                self.fields[f"{key}-{part}"] = forms.CharField(
                    label=PART_LABELS[part],
                    max_length=TEXT_LIMIT,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 6}),
                )

    @staticmethod
    def initial_from(text: DeclarationText) -> dict[str, str]:
        initial = {"title": text.title, "introduction": text.introduction}
        for key, domain in text.domains.items():
            initial[f"{key}-title"] = text.domain_titles.get(key, "")
            for part in TEXT_FIELDS:
                initial[f"{key}-{part}"] = getattr(domain, part)
        return initial

    def domain_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(key, [self[f"{key}-title"], *(self[f"{key}-{part}"] for part in TEXT_FIELDS)]) for key in DOMAIN_KEYS]

    def text(self, default_titles: dict[str, str]) -> DeclarationText:
        """The submitted text; a domain with nothing written is left out (and so reported as missing)."""
        data = self.cleaned_data
        domains, titles = {}, {}
        for key in DOMAIN_KEYS:
            domain = DomainText(*(data[f"{key}-{part}"].strip() for part in TEXT_FIELDS))
            if is_blank(domain):
                continue
            domains[key] = domain
            titles[key] = data[f"{key}-title"].strip() or default_titles.get(key, str(DOMAIN_LABELS[key]))
        return DeclarationText(data["title"].strip(), data["introduction"].strip(), titles, domains)


class EvaluationForm(forms.Form):
    delivered = forms.ChoiceField(
        label=_("Did we deliver what we offered?"), choices=Delivery.choices, widget=forms.RadioSelect
    )
    learned = forms.CharField(
        label=_("What we learned"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
