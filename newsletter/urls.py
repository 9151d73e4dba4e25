from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("lettre/", views.subscribe, name="subscribe"),
    path("lettre/confirmation/<str:token>/", views.confirm, name="confirm"),
    path("lettre/desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("lettre/archives/", views.archive, name="archive"),
    path("lettre/archives/<int:pk>/", views.issue_detail, name="issue"),
]
