"""WSGI entry for the benchmark: the application's settings with the benchmark's URLs (adds a bare view)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betrokken.settings")

from django.conf import settings
from django.core.wsgi import get_wsgi_application

settings.ROOT_URLCONF = "bench.bench_urls"
application = get_wsgi_application()
