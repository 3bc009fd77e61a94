"""Public pages (the public-site issue fills these in)."""

from django.shortcuts import get_object_or_404, render

from .models import Communique


def home(request):
    communiques = Communique.objects.public()[:20]
    return render(request, "meetings/home.html", {"communiques": communiques})


def communique_page(request, communique, *, preview=False):
    """The public page of one communiqué; the admin's preview renders it the same way."""
    return render(
        request,
        "meetings/communique_detail.html",
        {"communique": communique, "preview": preview},
    )


def communique_detail(request, year, month, day, slug):
    communique = get_object_or_404(Communique.objects.public(), slug=slug)
    return communique_page(request, communique)
