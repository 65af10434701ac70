"""Family data past the school's retention setting is deleted by a daily chore, with the coordinator's own code.

A school year ends on 31 August; its families (their codes, who read the text, paper signatures) are kept
`School.family_data_months` months after that (README, "Backup, restore, upgrade, retention") and then
deleted by `delete_year`, logged in PrivacyLog as RETENTION and on the logger betrokken.retention.
"""

import logging
from datetime import date, datetime

from django.utils import timezone

from engagement.families.privacy import delete_year
from engagement.models import Family, PrivacyAction
from engagement.school_years import first_day_of, next_school_year
from schools.models import School

logger = logging.getLogger("betrokken.retention")


def family_data_deleted_on(school_year: str, months: int) -> date:
    """The first day the year's family data is past its retention: `months` after the next school year begins."""
    end = first_day_of(next_school_year(school_year))
    month_index = end.month - 1 + months
    return date(end.year + month_index // 12, month_index % 12 + 1, 1)


def delete_family_data_past_retention(now: datetime) -> int:
    """Delete every school year's families whose retention has passed on `now`; returns how many years."""
    today = timezone.localdate(now)
    years = list(Family.objects.order_by().values_list("school_id", "school_year").distinct())
    schools = {school.pk: school for school in School.objects.filter(pk__in={school_id for school_id, _ in years})}
    deleted = 0
    for school_id, school_year in sorted(years, key=lambda pair: (str(pair[0]), pair[1])):
        school = schools[school_id]
        if today < family_data_deleted_on(school_year, school.family_data_months):
            continue
        counts = delete_year(school, school_year, None, PrivacyAction.RETENTION)
        logger.info(
            "Deleted the family data of %s for %s (%d families, %d acknowledgments): kept %d months after the year",
            school.pk,
            school_year,
            counts.families,
            counts.acknowledgments,
            school.family_data_months,
        )
        deleted += 1
    return deleted
