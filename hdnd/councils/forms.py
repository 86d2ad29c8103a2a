from django.utils.translation import gettext_lazy as _

from hdnd.accounts.viewsets import CouncilScopedForm

from .models import AdministrativeUnit, Delegate, Level


class AdministrativeUnitForm(CouncilScopedForm):
    """Only provinces and districts can be parents: the list stays short enough to choose from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = AdministrativeUnit.objects.filter(level__in=[Level.PROVINCE, Level.DISTRICT])


def delegates_not_in_office(council, delegates, on):
    """The chosen delegates who were not delegates of `council` in office on `on`."""
    in_office = set(Delegate.objects.in_office(council=council, on=on).values_list("pk", flat=True))
    return [d for d in delegates if d.pk not in in_office]


class DelegatesOnTheDayForm(CouncilScopedForm):
    """For records naming delegates on a day (a voter meeting, a reception day): every delegate
    chosen must be a delegate of the record's council in office that day."""

    delegates_field, day_field = "delegates", None

    def clean(self):
        data = super().clean()
        council, day, chosen = data.get("council"), data.get(self.day_field), data.get(self.delegates_field)
        if council and day and chosen:
            outside = delegates_not_in_office(council, chosen, day)
            if outside:
                self.add_error(
                    self.delegates_field,
                    _("Not delegates of this council in office on %(date)s: %(names)s.")
                    % {"date": day.strftime("%d/%m/%Y"), "names": ", ".join(str(d) for d in outside)},
                )
        return data
