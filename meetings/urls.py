from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "<int:year>/<str:month>/<str:day>/<str:slug>/",
        views.communique_detail,
        name="communique_detail",
    ),
]
