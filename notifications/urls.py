from django.urls import path

from . import views

urlpatterns = [
    path("calendar.ics", views.congress_calendar, name="public_calendar"),
    path("calendar/<str:token>.ics", views.private_calendar, name="private_calendar"),
]
