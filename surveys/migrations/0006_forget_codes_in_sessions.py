"""Plain codes used to wait in the coordinator's session (key "issued-codes") for up to 14 days; they now
wait in a file for 24 hours. Remove them from sessions made before."""

from typing import Any

from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations

OLD_SESSION_KEY = "issued-codes"


def forget_codes_in_sessions(apps: Any, schema_editor: Any) -> None:
    session_model = apps.get_model("sessions", "Session")
    store = SessionStore()
    for session in session_model.objects.iterator():
        data = store.decode(session.session_data)
        if OLD_SESSION_KEY in data:
            del data[OLD_SESSION_KEY]
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


class Migration(migrations.Migration):
    dependencies = [("surveys", "0005_survey_response_device"), ("sessions", "0001_initial")]

    operations = [migrations.RunPython(forget_codes_in_sessions, migrations.RunPython.noop)]
