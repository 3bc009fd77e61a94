"""What every regions admin shares: rows, choices and autocompletes narrowed through
regions.access, and a 404 for an object the user may not see."""

from django.contrib import admin
from django.http import Http404

from .. import access

RegionOnlyFilter = ("region", admin.RelatedOnlyFieldListFilter)


class RegionScoped:
    """Rows and the choices of related fields (hence autocompletes) narrowed by access."""

    def get_queryset(self, request):
        return access.scope(request.user, super().get_queryset(request))

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        model = db_field.remote_field.model
        if not access.is_scoped(model):
            return queryset
        if queryset is None:
            queryset = model._default_manager.using(db)
        return access.scope(request.user, queryset)


class RegionScopedAdmin(RegionScoped):
    def get_actions(self, request):
        actions = super().get_actions(request)
        if access.is_restricted(request.user):
            # A bulk delete checks no object one by one.
            actions.pop("delete_selected", None)
        return actions

    def get_object(self, request, object_id, from_field=None):
        # The admin would redirect with "doesn't exist"; a foreign object is simply not found.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj
