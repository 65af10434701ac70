"""When each subscriber last got the weekly summary (digest.sending)."""

from django.conf import settings
from django.db import models


class DigestDelivery(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    last_sent_at = models.DateTimeField()
