"""gunicorn in production: `gunicorn --config deploy/gunicorn.conf.py betrokken.wsgi` (README, "Running it for real").

Options given on the command line win over these (the tests bind a free port with -b).
"""

import multiprocessing
import os

# A TCP address, never a Unix socket: TRUSTED_PROXIES needs the proxy's address to believe X-Forwarded-For.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: every page is short (letters and exports are the worker's), so processes, not threads.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A page that takes 30 s is a bug or a stuck database; the proxy's own timeout is longer (nginx.conf: 60 s).
timeout = 30
graceful_timeout = 30
# Renew a worker now and then, so memory a rare large page took is given back.
max_requests = 2000
max_requests_jitter = 200
proc_name = "betrokken-web"
# gunicorn 25+ opens a management socket in $HOME by default: nothing here uses it, and two servers on one
# machine would share its path.
control_socket_disable = True

# Issue 7: no client address, no query string, no referer, no user agent (a code link's referer names the code).
accesslog = "-"
# Issue 13's red team: a code link, an invitation or a password reset keeps its secret in the path; this logger
# writes it as *** (betrokken/secret_paths.py).
logger_class = "betrokken.access_log.MaskedAccessLogger"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
