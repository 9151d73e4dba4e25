from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class IssueForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        # The archive shows an issue as its subscribers received it.
        if self.instance.pk and not self.instance.is_draft:
            raise ValidationError(
                _(
                    "This issue has been sent: it can no longer be changed. "
                    "Copy it to start a new one."
                )
            )
        return cleaned
