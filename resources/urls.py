from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("documents/<int:document_id>/", views.document_detail, name="document_detail"),
    path("revue/<str:token>/", views.confirm_review, name="review"),
]
