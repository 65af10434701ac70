"""The no-account kit keeps one table: the counts of wrong codes that the throttle reads."""

from django.db import models


class ThrottleBucket(models.Model):
    """Failed code attempts per scope and key (an address, or everyone) in a time window."""

    scope = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        # Created by surveys' first migration; the table kept its name when the model moved here.
        db_table = "surveys_throttlebucket"
        constraints = [models.UniqueConstraint(fields=("scope", "key", "window_start"), name="one_bucket_per_window")]
