from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("agenda/", views.upcoming, name="list"),
    path("agenda/passes/", views.past, name="past"),
    path("agenda/proposer/", views.submit, name="submit"),
    path("agenda/mes-evenements/", views.my_events, name="mine"),
    path("agenda/agenda.ics", views.feed, name="feed"),
    path("agenda/region/<str:region>/agenda.ics", views.region_feed, name="region_feed"),
    path("agenda/type/<str:kind>/agenda.ics", views.kind_feed, name="kind_feed"),
    path("agenda/<int:pk>/", views.detail, name="detail"),
    path("agenda/<int:pk>/evenement.ics", views.event_ics, name="event_ics"),
]
