from django.urls import include, path

from engagement import consultation_views, editor_views, evaluation_views

app_name = "engagement"

DECLARATION = "s/<uuid:school_id>/verklaring/<uuid:declaration_id>/"

urlpatterns = [
    path("s/<uuid:school_id>/verklaring/", editor_views.declarations, name="declarations"),
    path(DECLARATION, editor_views.declaration, name="declaration"),
    path(DECLARATION + "bewerken/", editor_views.edit, name="edit"),
    path(DECLARATION + "opmerkingen/", consultation_views.comment, name="comment"),
    path(DECLARATION + "opmerkingen/<uuid:comment_id>/antwoord/", consultation_views.answer, name="answer"),
    path(DECLARATION + "stap/<str:name>/", consultation_views.step, name="step"),
    path(DECLARATION + "versies/", consultation_views.versions, name="versions"),
    path(DECLARATION + "versies/<int:number>/", consultation_views.version_changes, name="version"),
    path(DECLARATION + "evaluatie/", evaluation_views.evaluation, name="evaluation"),
    path("", include("engagement.parent_urls")),
    path("", include("engagement.family_urls")),
    path("", include("engagement.document_urls")),
]
