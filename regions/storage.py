"""Where congress minutes live: a directory no URL serves, outside MEDIA_ROOT."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files rooted at PRIVATE_MEDIA_ROOT; reachable only through permission-checked views."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", None)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        # Not cached: tests (and only tests) move PRIVATE_MEDIA_ROOT with override_settings.
        return os.path.abspath(self.base_location)

    def url(self, name):
        # A private file has no public address: callers link to a checked view instead.
        raise NotImplementedError("Private files have no URL; link to a permission-checked view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()
