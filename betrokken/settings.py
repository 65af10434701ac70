"""Django settings for Betrokken.

Everything comes from environment variables with a working default, so `make run` needs no
configuration. `BETROKKEN_ENV=production` switches on the production hardening that
`manage.py check --deploy` asks for. The variables are read through `betrokken.env`, so a bad
value stops the start with ImproperlyConfigured naming the variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

from betrokken.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_networks,
    env_path,
    env_secret_key,
    env_str,
)

django_stubs_ext.monkeypatch()  # lets typed generics such as ModelForm[User] work at run time

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env_path("BETROKKEN_VAR_DIR", BASE_DIR / "var")

# A typo ("prodution") must not start a public server in development mode with the development key.
PRODUCTION = env_choice("BETROKKEN_ENV", "development", ("development", "production")) == "production"

DEVELOPMENT_SECRET_KEY = "development-only-key-not-for-production-use-0123456789"  # noqa: S105 (public on purpose)
if PRODUCTION:  # no default: a production server must set its own, long and not the one above
    SECRET_KEY = env_secret_key("SECRET_KEY", minimum_length=50, refused=(DEVELOPMENT_SECRET_KEY,))
else:
    SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)

# Read (and so checked) in production too, where it is always off.
DEBUG = env_bool("DEBUG", default=True) and not PRODUCTION
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "schools",
    "jobs",
    "framework",
    "respondents",
    "analysis",
    "surveys",
    "results",
    "support",
    "actions",
    "reports",
    "engagement",
    "feedback",
    "organisations",
    "digest",
    "guide",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "betrokken.headers.SecurityHeadersMiddleware",  # outside WhiteNoise, so static files carry them too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "betrokken.language.DutchFirstLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "betrokken.request_bodies.RequestBodyLimitMiddleware",  # before CSRF reads the body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "betrokken.database_busy.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "betrokken.urls"
WSGI_APPLICATION = "betrokken.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite (WAL) by default; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 600, minimum=0),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # a failing request never leaves half a save
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_length.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "schools:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login rate limiting (django-axes): five failures per address and account, then a pause.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the login form field, though accounts are keyed by e-mail
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"  # the 429 page with Retry-After
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Parents and pupils answer in more languages than the staff interface has; Dutch stays the master.
RESPONDENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
    ("prs", "دری"),  # Dari (ISO 639-3, as the BCP 47 tag in lang=""); locale/prs holds its catalogue
    ("ps", "پښتو"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("es", "Español"),
]
LANGUAGES_BIDI = ["ar", "fa", "prs", "ps", "he", "ur"]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "betrokken_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Production serves the collected files (`manage.py collectstatic`); elsewhere WhiteNoise finds them in place.
STATIC_ROOT = env_path("STATIC_ROOT", BASE_DIR / "staticfiles" if PRODUCTION else None)
WHITENOISE_USE_FINDERS = not PRODUCTION
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail: printed on the console unless an SMTP server is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
_email_host = env_str("EMAIL_HOST", "")
if _email_host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email_host
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Betrokken <noreply@betrokken.invalid>")

# Security headers; the production block adds what only makes sense behind HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "betrokken.error_pages.csrf_failure"  # a readable page, in the respondent's language on /q/ and /v/
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)
# No page needs the camera, microphone, location or payment; read-aloud is ordinary audio playback.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "display-capture=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()"
)
# A load balancer checks /healthz over plain HTTP on the server's own port: no redirect to HTTPS there.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Invitation codes: failed attempts allowed per 15 minutes, per address and for everyone together.
# Wrong codes on the code pages, per client address (IPv6: per /64), in 15 minutes and in a day; the
# overall count only raises an alert, it never refuses anyone (respondents/throttle.py says why).
CODE_FAILURES_PER_ADDRESS = env_int("CODE_FAILURES_PER_ADDRESS", 10, minimum=1)
CODE_FAILURES_PER_ADDRESS_PER_DAY = env_int("CODE_FAILURES_PER_ADDRESS_PER_DAY", 40, minimum=1)
CODE_FAILURES_OVERALL = env_int("CODE_FAILURES_OVERALL", 300, minimum=1)
# The proxies whose X-Forwarded-For is believed; without them REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES", [])
# The short address printed on letters, where parents type their code.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
AUDIO_CACHE_DIR = env_path("AUDIO_CACHE_DIR", VAR_DIR / "audio")
# Plain invitation codes, for the coordinator to print, for at most 24 hours (surveys.code_files).
CODE_FILES_DIR = env_path("CODE_FILES_DIR", VAR_DIR / "codes")
# Files the worker makes (letters, exports), kept for the person who asked; shared storage with more servers.
GENERATED_FILES_DIR = env_path("GENERATED_FILES_DIR", VAR_DIR / "generated")
GENERATED_FILES_HOURS = env_int("GENERATED_FILES_HOURS", 24, minimum=1)

# Background work (letters, exports, e-mail, chores) through django-tasks: jobs wait in the database and
# `manage.py worker` runs them; the same on SQLite and PostgreSQL, and any number of workers may run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# django.request logs the path of every 4xx ("Not Found: /invitations/<token>/") and runserver every request:
# both write a code or token as *** (betrokken/secret_paths.py), like the access logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_secret_paths": {"()": "betrokken.secret_paths.MaskSecretPaths"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_secret_paths"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["mask_secret_paths"],
        },
    },
    "loggers": {"django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
