from django.urls import path

from . import views

app_name = "advocacy"

urlpatterns = [
    path("k/<int:pk>/", views.short_link, name="short_link"),
]
