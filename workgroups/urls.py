from django.urls import path

from . import views

app_name = "workgroups"

urlpatterns = [
    path("mon-espace/", views.dashboard, name="dashboard"),
    path("mon-espace/notifications/lues/", views.mark_notifications_read, name="read_all"),
    path("invitation/<str:token>/", views.accept_invitation, name="invitation"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
