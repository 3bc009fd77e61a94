"""Admin helpers shared by the apps."""


class ReadOnlyAdmin:
    """For logs written by a workflow only (audit trails, revisions): shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
