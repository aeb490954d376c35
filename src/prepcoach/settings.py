"""Django settings, read from the environment with safe local defaults.

The embedded default (no variables set) is a single-user install: SQLite and files in
PREPCOACH_HOME, mail printed to the console, the worker beside the server. A shared server sets
DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, PREPCOACH_HTTPS and the EMAIL_* variables.
See docs/operations.md for the full list.
"""

from pathlib import Path

from django.utils.csp import CSP

from prepcoach import conf
from prepcoach.coach.login_throttle import login_limits

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = conf.home_folder()

SECRET_KEY = conf.secret_key(HOME)
DEBUG = conf.env_bool("DEBUG", default=False)
ALLOWED_HOSTS = conf.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = conf.env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "prepcoach.accounts",
    "prepcoach.ops",
    "prepcoach.jobs",
    "prepcoach.dashboard",
    "prepcoach.goals",
    "prepcoach.partners",
    "prepcoach.network",
    "prepcoach.research",
    "prepcoach.interviews",
    "prepcoach.reflection",
    "prepcoach.reading",
    "prepcoach.practice",
    "prepcoach.feedback",
    "prepcoach.groups",
    "prepcoach.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    # First: X-Forwarded-* from a peer that is not a trusted proxy are gone before anyone reads.
    "prepcoach.ops.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "prepcoach.accounts.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A form sent twice (a double-click, a twin) is done once: ops/submit_once.py.
    "prepcoach.ops.submit_once.SubmitOnceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "prepcoach.urls"
WSGI_APPLICATION = "prepcoach.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["prepcoach.templating"],
        },
    },
]

# Every form's "This field is required." becomes a sentence naming the field (form_words.py).
FORM_RENDERER = "prepcoach.form_words.PlainWordsRenderer"

DATABASES = {"default": conf.database(HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "dashboard:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day: long enough to find the mail, short if leaked

# Log-in throttling (coach/login_throttle.py, ops/login_throttle.py): growing waits, never a
# lock-out. LOGIN_FAILURE_LIMIT failures for one e-mail from one address are free, then each
# try waits LOGIN_FIRST_DELAY_SECONDS, doubling up to LOGIN_COOLOFF_MINUTES; counts by address,
# by account and over the install add waits for addresses that never signed in to the account.
LOGIN_LIMITS = login_limits(
    free=conf.env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1),
    first_s=conf.env_int("LOGIN_FIRST_DELAY_SECONDS", 5, minimum=1),
    cap_s=60 * conf.env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1),
)

# Messages live in the session, not a cookie: one of them shows a new API token once.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Internationalisation: times are stored in UTC and shown in the user's own time zone.
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Files
STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# The embedded default serves static files straight from the package. With STATIC_ROOT (set by
# `prepcoach serve --processes N`, or by hand), collectstatic writes each file under a name with
# its content's hash (serve runs it), and WhiteNoise sends those with a ten-year, immutable
# Cache-Control: a new version has new names, so browsers never keep an old script.
STATIC_ROOT = conf.env_str("STATIC_ROOT") or None
MEDIA_ROOT = Path(conf.env_str("MEDIA_ROOT") or HOME / "media")
MEDIA_URL = "media/"
# Recordings go through Django's storage API: the media folder above, or an S3-compatible
# object store (PREPCOACH_STORAGE_URL), shared by web and worker machines (ops/store.py).
STORAGES = {
    "default": conf.file_storage(),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage."
        + ("ManifestStaticFilesStorage" if STATIC_ROOT else "StaticFilesStorage")
    },
}
# WhiteNoise serves straight from the package, so the embedded default needs no collectstatic.
WHITENOISE_USE_FINDERS = STATIC_ROOT is None
WHITENOISE_AUTOREFRESH = DEBUG

# Mail: printed to the console unless an SMTP server is configured (EMAIL_HOST).
EMAIL_HOST = conf.env_str("EMAIL_HOST")
if EMAIL_HOST:
    _email_port = conf.env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": _email_port,
                "username": conf.env_str("EMAIL_HOST_USER"),
                "password": conf.env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": conf.env_bool("EMAIL_USE_TLS", default=_email_port == 587),
                "use_ssl": conf.env_bool("EMAIL_USE_SSL", default=_email_port == 465),
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST  # a deprecated Django setting name once MAILERS exists
# Where links in e-mails point: the address people open prepcoach at.
SITE_URL = conf.env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = conf.env_str("DEFAULT_FROM_EMAIL", "prepcoach <prepcoach@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Recordings: limits on what one answer may upload (WebM/Opus speech is about 1 MB a minute;
# video at the browser's default quality about 10 to 20 MB a minute).
RECORDING_MAX_BYTES = conf.env_int("RECORDING_MAX_MB", 300, minimum=1) * 1024 * 1024
RECORDING_MAX_SECONDS = conf.env_int("RECORDING_MAX_SECONDS", 600, minimum=10)
RECORDING_CHUNK_SECONDS = 2  # the browser uploads what it has every two seconds
# A recording that sent nothing for this long is finalised with what arrived (closed tab).
RECORDING_ABANDONED_SECONDS = conf.env_int("RECORDING_ABANDONED_SECONDS", 120, minimum=10)
# After the page says goodbye, chunks already sent may still arrive: wait this long for them.
RECORDING_INTERRUPTED_GRACE_SECONDS = 10

# Speech: the packaged Whisper base model, joined into the data folder on first use, unless
# SPEECH_MODEL names another faster-whisper model folder.
SPEECH_MODEL = conf.env_str("SPEECH_MODEL")  # "", "base", "tiny.en" or a model folder
MODELS_DIR = HOME / "models"

# Background work: django.tasks with the database backend, so the embedded default needs no
# other server. The worker writes a heartbeat that /healthz reads.
# Separate queues, each with its own lane in every worker, so that nothing waits behind another
# kind of work: mail (a password reset), the periodic checks ("default"), feed fetches (one feed
# per task) and analyses (WORKER_ANALYSES lanes; each person's answers queued in turns by
# priority, coach/queueing.py).
TASK_QUEUES = ["mail", "default", "feeds", "analysis"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# Analyses one worker runs at once: by default one per core it may use.
WORKER_ANALYSES = conf.env_int("WORKER_ANALYSES", conf.cpu_count(), minimum=1, maximum=64)
# How long the analysis at Stop waits for the streaming step of a quiet piece that is in its
# pass (milliseconds). That step reads the answer's last words from the state the analysis
# starts from, and began before Stop: while it is waited for, the analysis reads nothing of the
# rest itself (practice/streaming.py). 0: never wait, read the rest beside decoding and take
# the step's state only when it is stored by then.
STREAM_HANDOVER_WAIT_MS = conf.env_int("STREAM_HANDOVER_WAIT_MS", 5000, minimum=0, maximum=60_000)
# Requests that pages watching an answer hold open until it changes (a long poll,
# practice/push.py), at most this many at once per web process; past it a page asks every 2 s.
# Never all of a process's threads (coach/push.py:wait_capacity): `prepcoach serve` sets it to
# half its threads unless PUSH_WAITS is given, and at most its threads - 1; a single-threaded
# server (wsgi.multithread false: gunicorn's sync worker) holds none. 0: never hold.
PUSH_WAITS = conf.env_int("PUSH_WAITS", 4, minimum=0, maximum=256)
# Answers one person may have waiting for analysis (queued or running) at once.
ANALYSES_QUEUED_PER_USER = conf.env_int("ANALYSES_QUEUED_PER_USER", 50, minimum=1, maximum=100)
# Work the worker enqueues on a timer: task path → seconds between runs. Each task decides for
# itself what is due (reminders check every user's local morning), so running late is harmless.
PERIODIC_TASKS = {
    "prepcoach.goals.tasks.send_reminders": conf.env_int("REMINDER_CHECK_SECONDS", 900, minimum=1),
    "prepcoach.practice.tasks.finalise_abandoned": 15,
    "prepcoach.practice.tasks.requeue_stuck": 300,
    "prepcoach.reading.tasks.fetch_feeds": 300,
    "prepcoach.interviews.tasks.send_debrief_reminders": conf.env_int(
        "REMINDER_CHECK_SECONDS", 900, minimum=1
    ),
    "prepcoach.dashboard.tasks.send_digests": conf.env_int(
        "REMINDER_CHECK_SECONDS", 900, minimum=1
    ),
    "prepcoach.partners.tasks.send_partner_mails": conf.env_int(
        "REMINDER_CHECK_SECONDS", 900, minimum=1
    ),
}
# How often each followed feed is fetched again.
FEED_REFRESH_SECONDS = conf.env_int("FEED_REFRESH_SECONDS", 3 * 3600, minimum=60)
# Feeds at loopback or private addresses (an intranet blog, say). Off by default: on a shared
# server anyone who signs up could otherwise make it fetch from its own network.
FEEDS_ALLOW_PRIVATE_ADDRESSES = conf.env_bool("FEEDS_ALLOW_PRIVATE_ADDRESSES", False)
WORKER_HEARTBEAT_SECONDS = conf.env_int("WORKER_HEARTBEAT_SECONDS", 5, minimum=1)
# Three missed beats before /healthz calls the worker gone: one slow beat is not an outage.
WORKER_STALE_SECONDS = conf.env_int(
    "WORKER_STALE_SECONDS", 3 * WORKER_HEARTBEAT_SECONDS, minimum=WORKER_HEARTBEAT_SECONDS
)

# Security. Served over HTTPS (PREPCOACH_HTTPS=true, usually behind a proxy that terminates
# TLS), cookies are secure and browsers are told to stay on HTTPS.
HTTPS = conf.env_bool("PREPCOACH_HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# The proxies in front of the server (addresses or networks). Only a request whose peer is one
# of them has its X-Forwarded-Proto (HTTPS) and X-Forwarded-For (the client's address, for log-in
# throttling and logs) believed; from anyone else those headers are removed on arrival
# (prepcoach.ops.proxy). Served over HTTPS, the proxy on this machine is trusted by default.
TRUSTED_PROXIES = conf.env_networks(
    "PREPCOACH_TRUSTED_PROXIES", ["127.0.0.1", "::1"] if HTTPS else []
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None
SECURE_HSTS_SECONDS = conf.env_int("HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = conf.env_bool("HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
# "preload" only permits submitting the domain to browsers' preload lists; it submits nothing.
SECURE_HSTS_PRELOAD = conf.env_bool("HSTS_PRELOAD", default=HTTPS)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: every script is a static file, so 'self' is enough.
# media-src allows blob: for recordings played back before upload.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF, "blob:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": conf.env_str("LOG_LEVEL", "WARNING").upper()},
    "loggers": {
        "prepcoach": {"level": conf.env_str("LOG_LEVEL", "INFO").upper()},
    },
}
