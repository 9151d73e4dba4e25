from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("outils/", views.tool_list, name="tools"),
    path("sante/", views.health, name="health"),
    path("barre-edition/<int:page_id>/", views.userbar, name="userbar"),
]
