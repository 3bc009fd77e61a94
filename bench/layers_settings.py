"""Settings for bench/run's «layers» rows: Bureau's own, with bench/layers_urls.py as the
URLconf. Run with bench/ on the Python path (gunicorn --pythonpath bench)."""

from bureau.settings import *  # noqa: F403

ROOT_URLCONF = "layers_urls"
