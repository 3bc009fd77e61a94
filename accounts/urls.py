from django.urls import path

from .views import VerifyView

app_name = "accounts"

urlpatterns = [
    path("verify/", VerifyView.as_view(), name="verify"),
]
