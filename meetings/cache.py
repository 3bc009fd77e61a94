"""The public page cache (the public-site issue implements it)."""


def invalidate_public_pages():
    """Forget every cached public page: called after a communiqué is published, corrected or
    withdrawn (from transaction.on_commit)."""
