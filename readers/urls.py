from django.urls import path

from . import views

app_name = "readers"

urlpatterns = [
    path("views/<int:pk>/", views.view_beacon, name="view_beacon"),
    path("replies/<int:pk>/", views.reply, name="reply"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("open-data/", views.open_data, name="open_data"),
]
