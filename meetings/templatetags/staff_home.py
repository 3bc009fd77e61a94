from django import template

from meetings import home

register = template.Library()


@register.simple_tag
def this_week(user):
    """The staff home's "this week" for ``user`` (see meetings.home)."""
    return home.this_week(user)
