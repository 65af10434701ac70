"""The minimum password length, with an error message that has a Dutch translation.

Django 5.2 changed the msgid of MinimumLengthValidator's error ("… at least %d characters.") and its Dutch
catalogue still translates only the old one, so the message showed in English on Dutch pages. This
validator says the same with a msgid of our own catalogue.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
