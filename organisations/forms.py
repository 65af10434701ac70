from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import normalized_email
from accounts.plain_text import required_single_line
from engagement.school_years import is_school_year
from organisations.models import Organisation, OrganisationInvitation, OrganisationMembership, OrganisationRole
from organisations.verification import verified_organisations
from support.models import OrganisationKind, SupportOrganisation


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    directory_entry = forms.ModelChoiceField(
        label=_("Entry in the directory of support organisations"),
        queryset=SupportOrganisation.objects.filter(retired=False),
        required=False,
        empty_label=_("— none —"),
    )

    def clean_name(self) -> str:
        return required_single_line(self.cleaned_data["name"], self.fields["name"].error_messages["required"])


class StaffInvitationForm(forms.ModelForm[OrganisationInvitation]):
    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.organisation = organisation
        self.fields["role"].choices = [("", _("— choose —")), *OrganisationRole.choices]  # type: ignore[attr-defined]

    class Meta:
        model = OrganisationInvitation
        fields = ("email", "role")
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}

    def clean_email(self) -> str:
        email = normalized_email(self.cleaned_data["email"])
        if OrganisationMembership.objects.filter(organisation=self.organisation, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already on the organisation's staff."))
        return email


class OrganisationChoiceField(forms.ModelChoiceField[Organisation]):
    """Each organisation with its kind, so that a coordinator tells a city service from a network's service."""

    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} — {obj.get_kind_display()}"


class SchoolLinkForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=verified_organisations(),
        empty_label=_("— choose —"),
        help_text=_("Only organisations that the site's administrators verified."),
    )
    school_year = forms.CharField(label=_("School year"), max_length=9, help_text=_("For example 2026-2027."))
    named = forms.BooleanField(label=_("The organisation may name our school"), required=False)

    def clean_school_year(self) -> str:
        year = self.cleaned_data["school_year"].strip()
        if not is_school_year(year):
            raise forms.ValidationError(_("Write the school year as 2026-2027."))
        return year


class LinkChoicesForm(forms.Form):
    named = forms.BooleanField(label=_("The organisation may name our school"), required=False)
    beside_region = forms.BooleanField(label=_("Show our school beside the region"), required=False)


class ConfirmForm(forms.Form):
    confirmed = forms.BooleanField(required=False)
