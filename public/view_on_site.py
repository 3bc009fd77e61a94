"""The admin's "view on site" shortcut (/admin/r/<content type>/<id>/), without the leak.

Django's own shortcut redirects any staff member to an object's public address, which names a
draft's slug and date. Here it answers 404 unless the object is public (its manager's
``public()`` holds it) or the user may view or change that kind of object in the admin.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404


def may_see_unpublished(user, model) -> bool:
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in ("view", "change")
    )


def view_on_site(request, content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None:
        raise Http404
    if not may_see_unpublished(request.user, model):
        public = getattr(model._default_manager, "public", None)
        try:
            if public is None or not public().filter(pk=object_id).exists():
                raise Http404
        except (ValueError, ValidationError) as error:
            raise Http404 from error
    return shortcut(request, content_type_id, object_id)
