from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projets/", views.project_list, name="list"),
    path("projets/carte.json", views.map_data, name="map_data"),
    path("projets/export.csv", views.export, name="export"),
    path("projets/statistiques/", views.statistics, name="statistics"),
    path("projets/<int:pk>/", views.project_detail, name="detail"),
    path("projets/<int:pk>/modifier/", views.project_edit, name="edit"),
    path("projets/<int:pk>/contact/", views.project_contact, name="contact"),
]
