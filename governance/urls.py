from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("decisions/<int:pk>/", views.decision_permalink, name="decision"),
]
