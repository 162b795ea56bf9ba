"""Settings for BTS/BTI-portalen: one module, driven by the environment.

With no environment at all the portal runs as a development server on SQLite with Celery
tasks executed in-process. ``DJANGO_ENV=production`` turns on every production safeguard
and refuses to start without a real ``SECRET_KEY``. See README.md for each variable.
"""

import hashlib
import hmac
from datetime import timedelta
from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'.")
PRODUCTION = DJANGO_ENV == "production"
DEBUG = env.bool("DEBUG", default=not PRODUCTION)

# A development key is only acceptable while DEBUG is on; anything else must bring its own.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "guardian",
    "axes",
    # Second factor (issue 13): django-otp's TOTP and one-time recovery codes, used by innlogging.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "innlogging",
    # The citizens' area, /min-side/ (issue 20): ID-porten login, guardians linked to cases.
    "minside",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_celery_beat",
    "simple_history",
    "bts_portal",
    "organisasjon",
    "samhandling",
    "handlingsveileder",
    "stafettlogg",
    # A closed case log as a Noark 5 arkivmelding to the municipality's archive (issue 22).
    "arkiv",
    "tiltaksoversikt",
    "statistikk",
    "oppfolging",
    "drift",
    # The site search's index (issue 18); after the apps whose content it indexes.
    "sok",
    # Nynorsk and English content: what is missing or outdated, machine drafts (issue 17).
    "oversetting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ?sprak=nn: the language switch as plain links, without a session or a CSRF token.
    "bts_portal.language.LanguageParameterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous visitors get public pages from the cache (issue 19); nobody logged in does.
    "bts_portal.page_cache.PublicPageCacheMiddleware",
    # A broker outage or a full disk answered in plain words, not with a 500 (issue 16).
    "bts_portal.middleware.ServiceFaultMiddleware",
    # The absolute session lifetime, and a form's text kept across a forced login (issue 13).
    "innlogging.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must come last so that it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bts_portal.urls"
WSGI_APPLICATION = "bts_portal.wsgi.application"
ASGI_APPLICATION = "bts_portal.asgi.application"

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
                "bts_portal.context_processors.portal",
            ],
        },
    },
]

# --- Data stores ---------------------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# Persistent connections, checked before reuse so a restarted database is survived: a new
# connection per request costs more than most pages' queries (issue 19).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves real requests too (make run, one machine): write-ahead
    # logging lets readers go on while one request writes its access-log row, and commits
    # without waiting for the disk twice; IMMEDIATE takes the write lock when a transaction
    # begins, so two workers never deadlock upgrading a read to a write (they wait, up to
    # the busy timeout, instead).
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })  # fmt: skip
# Two roles on PostgreSQL (README, "Database roles"): DATABASE_URL is the runtime role, which
# owns nothing; `manage.py migrate` connects as MIGRATE_DATABASE_URL, the schema's owner, and
# ends by granting DATABASE_RUNTIME_ROLE (by default DATABASE_URL's user) what the portal needs.
# Without MIGRATE_DATABASE_URL one role does both.
MIGRATE_DATABASE = None
if _migrate_url := env.str("MIGRATE_DATABASE_URL", default=""):
    MIGRATE_DATABASE = env.db_url_config(_migrate_url)
    _postgresql = "django.db.backends.postgresql"
    if not (
        DATABASES["default"]["ENGINE"] == MIGRATE_DATABASE["ENGINE"] == _postgresql
        and DATABASES["default"]["NAME"] == MIGRATE_DATABASE["NAME"]
    ):
        raise ImproperlyConfigured(
            "MIGRATE_DATABASE_URL must name the same PostgreSQL database as DATABASE_URL."
        )
# Passwords may come apart from the URLs, so that any character survives (an "@" or "/" in a
# URL's password breaks it unless percent-encoded): compose passes them this way.
if _password := env.str("DATABASE_PASSWORD", default=""):
    DATABASES["default"]["PASSWORD"] = _password
if MIGRATE_DATABASE and (_password := env.str("MIGRATE_DATABASE_PASSWORD", default="")):
    MIGRATE_DATABASE["PASSWORD"] = _password
DATABASE_RUNTIME_ROLE = env.str(
    "DATABASE_RUNTIME_ROLE", default=DATABASES["default"]["USER"] if MIGRATE_DATABASE else ""
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache_from_url(url: str) -> dict:
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return env.cache_url_config(url)


CACHES = {
    "default": _cache_from_url(
        env.str("CACHE_URL", default=env.str("REDIS_URL", default="locmemcache://"))
    )
}

# Public pages kept for anonymous visitors: on the server until the content changes (or this
# many seconds pass), and in browsers and proxies for PUBLIC_MAX_AGE seconds. 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PUBLIC_MAX_AGE = env.int("PUBLIC_MAX_AGE", default=300)

MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploaded files are never served directly: views check permissions and stream them.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_MB", default=10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The first handler refuses a file while it streams, once it passes MAX_UPLOAD_BYTES; the
# others are Django's defaults, which store what it lets through.
FILE_UPLOAD_HANDLERS = [
    "bts_portal.upload_handlers.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Authentication and authorisation -----------------------------------------------------
AUTH_USER_MODEL = "organisasjon.Bruker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "samhandling:home"

# Guardian: no anonymous user object; anonymous visitors never hold object permissions.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = True

# Axes: lock a username after a few failed logins, and a client address after more
# (innlogging.throttle): a kindergarten or school shares one outgoing address, so its limit
# is higher, but one address cannot try passwords across many accounts.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "innlogging.throttle.ThrottleHandler"
# How many reverse proxies in front of the portal append to X-Forwarded-For (the
# municipality's, usually 1); 0 reads the connection's own address. Entries a client adds
# itself are never read.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if PRODUCTION else 0)
AXES_CLIENT_IP_CALLABLE = "innlogging.throttle.client_ip"
# The handler clears only the name's own failures on success (see innlogging.throttle).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Axes throttles the password form only: the identity provider's callback is never locked,
# so a name or address locked from outside can still log in there (innlogging.throttle).
AXES_WHITELIST_CALLABLE = "innlogging.throttle.is_identity_provider_login"

# OpenID Connect (innlogging.oidc, mozilla-django-oidc): the municipality's identity provider.
# Without OIDC_ISSUER there is no button and the routes answer 404. The endpoints come from
# the issuer's discovery document; the redirect URI to register is
# <portal>/ansatt/innlogging/oidc/retur/ (README, "Login and two-step authentication").
OIDC_ISSUER = env.str("OIDC_ISSUER", default="")
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env.str("OIDC_SCOPES", default="openid email profile")
OIDC_ACR_VALUES = env.str("OIDC_ACR_VALUES", default="")
OIDC_BUTTON_LABEL = env.str("OIDC_BUTTON_LABEL", default="Logg inn med kommunens innlogging")
# The acr value (or a higher one on a known ladder) that counts as two-factor; an amr with
# mfa, otp or hwk always does. Otherwise the portal asks for its own second factor.
OIDC_MFA_ACR = env.str("OIDC_MFA_ACR", default="")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
OIDC_CLOCK_LEEWAY = 30
OIDC_AUTHENTICATION_CALLBACK_URL = "innlogging:oidc_callback"
if OIDC_ISSUER:
    AUTHENTICATION_BACKENDS.insert(1, "innlogging.oidc.OidcBackend")

# ID-porten for citizens (minside.oidc, issue 20): a second provider, never a staff login.
# Without CITIZEN_OIDC_ISSUER the citizen area says that digital login is not set up. The
# redirect URI to register is <portal>/min-side/innlogging/retur/ (README, "My page").
CITIZEN_OIDC_ISSUER = env.str("CITIZEN_OIDC_ISSUER", default="")
CITIZEN_OIDC_CLIENT_ID = env.str("CITIZEN_OIDC_CLIENT_ID", default="")
CITIZEN_OIDC_CLIENT_SECRET = env.str("CITIZEN_OIDC_CLIENT_SECRET", default="")
CITIZEN_OIDC_SCOPES = env.str("CITIZEN_OIDC_SCOPES", default="openid profile")
CITIZEN_OIDC_ACR_VALUES = env.str("CITIZEN_OIDC_ACR_VALUES", default="idporten-loa-substantial")
CITIZEN_OIDC_CALLBACK_URL = "minside:oidc_callback"
# The key of the HMAC-SHA256 a guardian's link stores instead of the national identity
# number. Changing it unlinks everyone. Production must set it; development derives one.
CITIZEN_ID_SECRET = env.str("CITIZEN_ID_SECRET", default="")
if not CITIZEN_ID_SECRET:
    if PRODUCTION:
        raise ImproperlyConfigured("CITIZEN_ID_SECRET must be set in production.")
    CITIZEN_ID_SECRET = hmac.new(
        SECRET_KEY.encode(), b"minside.citizen-id", hashlib.sha256
    ).hexdigest()
# How long an invitation link to My page may be used.
CITIZEN_INVITE_DAYS = env.int("CITIZEN_INVITE_DAYS", default=14)
# Text messages (minside.sms): the console in development; a municipality names its gateway's
# class here (README). The file backend writes one file per message to SMS_FILE_PATH.
SMS_BACKEND = env.str("SMS_BACKEND", default="minside.sms.ConsoleBackend")
SMS_FILE_PATH = env.str("SMS_FILE_PATH", default=str(BASE_DIR / "var" / "sms"))

# Sessions end when the browser closes and after a period without activity.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# ...but a request that changed nothing writes the session at most every 30 s.
SESSION_ENGINE = "innlogging.session_store"
# However active, a login ends after this long (innlogging.middleware).
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=10 * 3600)
# The staff pages warn this long before the idle timeout, with a button to extend.
SESSION_WARNING_SECONDS = env.int("SESSION_WARNING_SECONDS", default=2 * 60)

# Second factor (innlogging): the name authenticator apps show; a wrong code makes the next
# try wait 1, 2, 4, ... seconds (django-otp's throttling, per device).
OTP_TOTP_ISSUER = "BTS/BTI-portalen"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# --- Security headers -------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws some form controls with data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The container's health check calls /helse/ over plain HTTP from inside.
    SECURE_REDIRECT_EXEMPT = [r"^helse/(live|klar)?$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# --- Language and time --------------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
# Dates and numbers as each language writes them ("24. oktober 2026", "24 October 2026").
FORMAT_MODULE_PATH = ["bts_portal.formats"]
# The nynorsk machine drafts (oversetting.apertium): Debian's apertium with apertium-nno-nob.
APERTIUM_COMMAND = env.str("APERTIUM_COMMAND", default="apertium")
APERTIUM_TIMEOUT = env.int("APERTIUM_TIMEOUT", default=30)

# --- Static files -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from the xstatic-bootstrap package and is served by the portal itself.
    ("vendor/bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STORAGES = {
    # Writes beside the final name and renames: no half-written file on a full disk.
    "default": {"BACKEND": "bts_portal.storage.AtomicFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail ---------------------------------------------------------------------------------
# EMAIL_URL names the backend and the server (django-environ's schemes): consolemail:// (the
# default), smtp://user:pass@host:587, smtps:// or smtp+tls:// for STARTTLS, smtp+ssl:// for TLS
# from the start. Each setting is named here rather than copied in from the parsed dict.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
del _email
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="bts-portalen@eksempel.kommune.no")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds an SMTP server may take to answer before the send fails (and its task retries):
# without it a server that never answers holds the caller for good (bts_portal.mail).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Celery -------------------------------------------------------------------------------
# Without a broker, tasks run in-process at the call; with one, real workers take them.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# No result backend unless one is asked for: nothing reads task results (jobs record their
# state in their own rows), and a backend that is down makes every .delay() wait for it.
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="")
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "evaluation-reminders": {
        "task": "stafettlogg.send_evaluation_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    "step-reminders": {
        "task": "stafettlogg.send_step_reminders",
        "schedule": crontab(hour=6, minute=35),
    },
    "retention": {
        "task": "stafettlogg.delete_expired_cases",
        "schedule": crontab(hour=2, minute=15),
    },
    "archive-retries": {
        "task": "arkiv.retry_packages",
        "schedule": crontab(minute="*/15"),
    },
    # Asks the guardians on My page to renew a consent before it ends (issue 20).
    "consent-renewals": {
        "task": "stafettlogg.send_consent_renewals",
        "schedule": crontab(hour=6, minute=40),
    },
    "review-reminders": {
        "task": "samhandling.send_review_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # The årshjul's recurring events, to the coordinators before each date (issue 17).
    "year-event-reminders": {
        "task": "samhandling.send_year_event_reminders",
        "schedule": crontab(hour=7, minute=5),
    },
    # Beat's pulse: its last run time is what beat's health check reads (manage.py beat_health).
    "beat-heartbeat": {
        "task": "bts_portal.ping",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Fails document jobs stuck beyond their limit (bts_portal.jobs).
    "reap-stale-documents": {
        "task": "bts_portal.reap_stale_documents",
        "schedule": crontab(minute="*/5"),
    },
    # The record of logins that no session can outlive (innlogging.tasks).
    "forget-ended-logins": {
        "task": "innlogging.forget_ended_logins",
        "schedule": crontab(minute=40),
    },
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that sends a task waits at most a few seconds for a broker that is down, then
# gets an answer (bts_portal.jobs, 503); it never hangs a web worker.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # An unacknowledged task (its worker died) goes back to the queue after this long: longer
    # than any task's hard time limit, so a task still running is never handed out twice.
    "visibility_timeout": 2 * 3600,
}
# A task is acknowledged when it ends, so a worker that dies mid-task gives it back; each
# process takes one task at a time; every task has a time limit (the PDFs have their own,
# bts_portal.jobs); a worker process is replaced after some tasks or when it grows too big.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=10 * 60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=11 * 60)
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=50)
# In KiB: a process past this is replaced once its current task ends.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int(
    "CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400 * 1024
)

# --- Logging: structured JSON to stdout -------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env.str("LOG_FORMAT", default="json"),
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

# --- The municipality --------------------------------------------------------------------
KOMMUNE_NAVN = env.str("KOMMUNE_NAVN", default="Eksempel kommune")
KOMMUNE_LOGO = env.str("KOMMUNE_LOGO", default="img/kommunevapen.svg")
# --- Case logs: the municipality's choices ---------------------------------------------
# Level 0 ends in a decision within this many days.
UNDRING_DECISION_DAYS = env.int("UNDRING_DECISION_DAYS", default=14)
# The age from which a young person consents alone (15 in some municipalities, 16 in others).
CONSENT_AGE = env.int("CONSENT_AGE", default=16)
# A consent is renewed with the family at least this often (months from the day it was given).
CONSENT_MAX_MONTHS = env.int("CONSENT_MAX_MONTHS", default=12)
# A digital consent on My page is given when "all" guardians with parental responsibility
# have confirmed, or when "any" one of them has (stafettlogg.digital_consent).
DIGITAL_CONSENT_REQUIRES = env.str("DIGITAL_CONSENT_REQUIRES", default="all")
if DIGITAL_CONSENT_REQUIRES not in {"all", "any"}:
    raise ImproperlyConfigured('DIGITAL_CONSENT_REQUIRES must be "all" or "any".')
# The parties are asked to renew a consent this many days before it ends.
CONSENT_RENEWAL_DAYS = env.int("CONSENT_RENEWAL_DAYS", default=30)
# The baton holder is reminded of a step of the guide this many days before it is due.
STEP_REMINDER_DAYS = env.int("STEP_REMINDER_DAYS", default=3)
# Closed cases and concerns are deleted this many days after closing.
RETENTION_DAYS = env.int("RETENTION_DAYS", default=365 * 5)
# The archive (issue 22, README "Arkiv"): closing a case makes a Noark 5 arkivmelding package.
# On by default in production only: a demo or a test run does not render packages on every
# close (manage.py archive_case makes one there). Retention deletes a closed case only once
# the archive has given a receipt for it, unless archiving is not required.
ARCHIVE_ON_CLOSE = env.bool("ARCHIVE_ON_CLOSE", default=PRODUCTION)
ARCHIVE_REQUIRED = env.bool("ARCHIVE_REQUIRED", default=ARCHIVE_ON_CLOSE)
ARCHIVE_BACKEND = env.str("ARCHIVE_BACKEND", default="arkiv.backends.file.FileBackend")
ARCHIVE_DIR = Path(env.str("ARCHIVE_DIR", default=str(VAR_DIR / "arkiv")))
ARCHIVE_MAX_ATTEMPTS = env.int("ARCHIVE_MAX_ATTEMPTS", default=5)
# The keeping plan, per kind of document (the closing summary is always kept).
ARCHIVE_KEEP = {
    "innslag": env.bool("ARCHIVE_KEEP_ENTRIES", default=True),
    "evaluering": env.bool("ARCHIVE_KEEP_EVALUATIONS", default=True),
    "referat": env.bool("ARCHIVE_KEEP_MINUTES", default=True),
    "samtykke": env.bool("ARCHIVE_KEEP_CONSENTS", default=True),
}
ARCHIVE_SYSTEM = env.str("ARCHIVE_SYSTEM", default="BTS-portalen")
ARCHIVE_ARKIVDEL = env.str("ARCHIVE_ARKIVDEL", default="")
# Classes as "system:class", e.g. "K-kode:F00"; the child's name in the title only if allowed.
ARCHIVE_CLASSES = env.list("ARCHIVE_CLASSES", default=["K-kode:F00"])
ARCHIVE_TITLE_WITH_NAME = env.bool("ARCHIVE_TITLE_WITH_NAME", default=False)
ARCHIVE_CHILD_AS_PART = env.bool("ARCHIVE_CHILD_AS_PART", default=False)
# Fiks IO (arkiv.backends.fiks_io): what KS gives the municipality's integration.
FIKS_IO_URL = env.str("FIKS_IO_URL", default="")
FIKS_IO_ACCOUNT_ID = env.str("FIKS_IO_ACCOUNT_ID", default="")
FIKS_IO_RECEIVER_ACCOUNT_ID = env.str("FIKS_IO_RECEIVER_ACCOUNT_ID", default="")
FIKS_IO_INTEGRATION_ID = env.str("FIKS_IO_INTEGRATION_ID", default="")
FIKS_IO_INTEGRATION_PASSWORD = env.str("FIKS_IO_INTEGRATION_PASSWORD", default="")
FIKS_IO_PRIVATE_KEY = env.str("FIKS_IO_PRIVATE_KEY", default="")
FIKS_IO_CERTIFICATE = env.str("FIKS_IO_CERTIFICATE", default="")
# Statistics never show a count below this: it is shown as "<5" (small-cell suppression).
STATS_MIN_CELL = env.int("STATS_MIN_CELL", default=5)
# Where the portal is reached, for links in e-mails sent by background tasks.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The service whose contacts the duty-to-report box shows on every page of the guide.
BARNEVERN_TJENESTE_SLUG = env.str("BARNEVERN_TJENESTE_SLUG", default="barneverntjenesten")
# The local child welfare emergency service; when empty the footer says to call the police.
BARNEVERNVAKT_TELEFON = env.str("BARNEVERNVAKT_TELEFON", default="")
# --- Content: who approves changes ------------------------------------------------------
# A change to a published measure in the catalogue waits for approval: by the BTS coordinator,
# or, when this is on, also by the leader of the service that offers it (never their own).
MEASURE_APPROVAL_BY_SERVICE_LEADER = env.bool("MEASURE_APPROVAL_BY_SERVICE_LEADER", default=False)
