from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import normalized_email
from accounts.plain_text import required_single_line, single_line
from schools.models import (
    FAMILY_DATA_MONTHS_MAX,
    FAMILY_DATA_MONTHS_MIN,
    Invitation,
    Membership,
    Role,
    School,
    validate_family_data_months,
)


class SchoolForm(forms.ModelForm[School]):
    class Meta:
        model = School
        fields = ("name", "town")

    def clean_name(self) -> str:
        return required_single_line(self.cleaned_data["name"], self.fields["name"].error_messages["required"])

    def clean_town(self) -> str:
        return single_line(self.cleaned_data["town"])


class SchoolSettingsForm(forms.ModelForm[School]):
    """What the coordinator decides for the school as a whole: for now, how long family data is kept."""

    class Meta:
        model = School
        fields = ("family_data_months",)
        help_texts = {
            "family_data_months": _(
                "A school year ends on 31 August. This many months later Betrokken deletes that year's family data "
                "of the engagementsverklaring: the families, their letter codes, who read the text on the phone and "
                "the signatures on paper. The deletion is logged. Export the data first if the school must keep it "
                "longer. Between 1 and 36 months."
            )
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        months = self.fields["family_data_months"]
        # The model's one range check, run here so that it answers first: a positive integer field's own "at least 0"
        # would otherwise answer −1 with another bound than 0 gets. The browser is told the same bounds.
        months.validators = [validate_family_data_months]
        months.widget.attrs.update(min=FAMILY_DATA_MONTHS_MIN, max=FAMILY_DATA_MONTHS_MAX)


class InvitationForm(forms.ModelForm[Invitation]):
    def __init__(self, *args: object, school: School, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.school = school
        self.fields["role"].choices = [("", _("— choose —")), *Role.choices]  # type: ignore[attr-defined]
        self.fields["role"].help_text = _("What each role can open is listed under “What each role can open” above.")

    class Meta:
        model = Invitation
        fields = ("email", "role")
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}

    def clean_email(self) -> str:
        email = normalized_email(self.cleaned_data["email"])
        if Membership.objects.filter(school=self.school, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the school."))
        return email

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        if role not in Role.values:
            raise forms.ValidationError(_("Choose a role from the list."))
        return str(role)
