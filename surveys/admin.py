"""Parents' and pupils' questionnaires: only the batches of codes are shown. Responses, answers, codes and
tallies (SurveyResponse, SurveyAnswer, RespondentCode, AnswerTally, GroupTally) are not registered: the
answers are anonymous and read only as results under the rule of five; broken tallies are repaired with
manage.py rebuild_tallies."""

from django.contrib import admin

from accounts.read_only_admin import ReadOnlyAdmin
from surveys.models import CodeBatch


@admin.register(CodeBatch)
class CodeBatchAdmin(ReadOnlyAdmin[CodeBatch]):
    list_display = ("round", "school", "audience", "group_kind", "group_label", "home_language", "size", "created_at")
    list_filter = ("audience", "group_kind")
    search_fields = ("round__title", "school__name", "group_label")
    list_select_related = ("round", "school")
    fields = (
        "id",
        "school",
        "round",
        "audience",
        "group_kind",
        "group_label",
        "home_language",
        "size",
        "created_by",
        "created_at",
    )
