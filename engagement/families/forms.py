"""Forms of the families pages: the CSV import, the letters to print, the confirmed deletion, a paper signature."""

from datetime import date
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from engagement.families.importing import MAX_UPLOAD_BYTES, FamilyRow, RowError, parse_families_csv
from engagement.past_dates import PastDateField


class FamilyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Family list (CSV)"),
        help_text=_("A header row, then one family per line: reference, class and (optionally) language."),
        error_messages={"required": _("Choose the CSV file with the families."), "empty": _("The file is empty.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_errors: tuple[RowError, ...] = ()
        self.rows: tuple[FamilyRow, ...] = ()
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,text/csv"

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:  # refused before reading it
            raise forms.ValidationError(_("The file is larger than 2 MB. Is it the right file?"))
        parsed = parse_families_csv(upload.read())
        if not parsed.ok:
            self.row_errors = parsed.errors
            raise forms.ValidationError(
                _("Nothing was imported: correct the problems listed below in the file and upload it again.")
            )
        self.rows = parsed.rows
        return upload


class LettersForm(forms.Form):
    ALL, WAITING = "all", "waiting"

    class_name = forms.ChoiceField(label=_("Class"))
    families = forms.ChoiceField(
        label=_("Which families"),
        widget=forms.RadioSelect,
        choices=[
            (ALL, _("All families")),
            (WAITING, _("Only families who have not yet acknowledged (reminders)")),
        ],
        initial=ALL,
    )
    reference = forms.CharField(
        label=_("Only one family (reference)"),
        help_text=_("For a letter that was lost: type the family's reference to print only its letter."),
        max_length=64,
        required=False,
    )
    KEEP, VOID = "keep", "void"
    earlier_codes = forms.ChoiceField(
        label=_("Letters printed earlier"),
        widget=forms.RadioSelect,
        choices=[
            (
                KEEP,
                _(
                    "Keep them working: a parent can use the code of the earlier letter or of the new one "
                    "(for a reminder, or a letter that was not answered)."
                ),
            ),
            (
                VOID,
                _(
                    "Void their codes: only the new letter works; the earlier code then says that a newer "
                    "letter was sent (for a letter that was lost or reached the wrong home)."
                ),
            ),
        ],
        initial=KEEP,
        required=False,  # left out: keep them working, the choice that loses nobody's letter
    )

    def __init__(self, *args: Any, classes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("All classes")), *((name, name) for name in classes)]
        self.fields["class_name"].choices = choices  # type: ignore[attr-defined]
        self.fields["class_name"].required = False


class DeleteFamiliesForm(forms.Form):
    confirmation = forms.CharField(label=_("Type the school year to confirm"), max_length=20)

    def __init__(self, *args: Any, school_year: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school_year = school_year
        self.fields["confirmation"].help_text = _("Type %(year)s.") % {"year": school_year}
        self.fields["confirmation"].widget.attrs["autocomplete"] = "off"

    def clean_confirmation(self) -> str:
        typed = "".join(self.cleaned_data["confirmation"].split())
        if typed != self.school_year:
            raise forms.ValidationError(
                _("Type the school year exactly as shown (%(year)s) to delete.") % {"year": self.school_year}
            )
        return typed


class PaperSignatureForm(forms.Form):
    signed_on = PastDateField(
        label=_("Date on the signed paper"),
        help_text=_("The day the parent signed the schoolreglement with the engagementsverklaring “voor akkoord”."),
        in_future=_("The paper cannot be signed in the future."),
        implausible=_("Give the date on the paper."),
    )

    def __init__(self, *args: Any, earliest: date, adopted: bool, **kwargs: Any) -> None:
        """`earliest`: the version's adoption by the schoolraad (`adopted`) or else its publication."""
        super().__init__(*args, **kwargs)
        self.earliest, self.adopted = earliest, adopted

    def clean_signed_on(self) -> date:
        signed_on: date = self.cleaned_data["signed_on"]
        if signed_on < self.earliest:
            day = formats.date_format(self.earliest)
            if self.adopted:
                raise forms.ValidationError(
                    _("The paper cannot be signed before %(day)s, the day the schoolraad adopted this text.")
                    % {"day": day}
                )
            raise forms.ValidationError(
                _("The paper cannot be signed before %(day)s, the day this text was published.") % {"day": day}
            )
        return signed_on
