from django.urls import include, path

from engagement.consultation import views as consultation_views
from engagement.editor import evaluation_views
from engagement.editor import views as editor_views

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
    path("", include("engagement.parents.urls")),
    path("", include("engagement.families.urls")),
    path("", include("engagement.documents.urls")),
    path("", include("engagement.translations.urls")),
]
