"""People who log in: coordinators, team members, parent representatives and coaches.

Parents and pupils never get an account; they answer with an invitation code.
"""

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # The staff language: the interface when logged in, and every e-mail the person gets (written by the worker).
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="nl")
    weekly_digest = models.BooleanField(_("weekly summary by e-mail"), default=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name or self.email


class PasswordResetRequest(models.Model):
    """One request for a password-reset e-mail, kept an hour for the throttle (accounts.password_reset_throttle).

    Address and recipient are stored as keyed digests: the table says how often, not who.
    """

    address_digest = models.CharField(max_length=64, db_index=True)
    recipient_digest = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
