from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regions and congresses")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import places
        from .models import Province, Region

        # The search reads place names once per process; a renamed place is read again.
        for model in (Region, Province):
            post_save.connect(places.forget, sender=model, dispatch_uid=f"places-{model.__name__}")
            post_delete.connect(
                places.forget, sender=model, dispatch_uid=f"places-del-{model.__name__}"
            )
