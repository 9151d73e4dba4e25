"""SIRET numbers of organisations joining the movement, checked by python-stdnum (14 digits,
Luhn check digit, with La Poste's exception)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import (
    ValidationError as StdnumError,
)
from stdnum.fr import siret


def normalise_siret(value):
    """The 14 digits of a SIRET typed with spaces, dots or dashes; ValidationError in French
    when it is not a valid SIRET."""
    try:
        return siret.validate(value)
    except InvalidLength as error:
        raise ValidationError(
            _("A SIRET has 14 digits (9 for the SIREN, then 5 for the establishment)."),
            code="siret_length",
        ) from error
    except InvalidFormat as error:
        raise ValidationError(_("A SIRET contains digits only."), code="siret_format") from error
    except InvalidChecksum as error:
        raise ValidationError(
            _("This SIRET is not valid: check its digits (its check digit does not match)."),
            code="siret_checksum",
        ) from error
    except StdnumError as error:
        raise ValidationError(_("This SIRET is not valid."), code="siret_invalid") from error


def validate_siret(value):
    if value:
        normalise_siret(value)
