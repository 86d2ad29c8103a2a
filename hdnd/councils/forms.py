from hdnd.accounts.viewsets import CouncilScopedForm

from .models import AdministrativeUnit, Level


class AdministrativeUnitForm(CouncilScopedForm):
    """Only provinces and districts can be parents: the list stays short enough to choose from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = AdministrativeUnit.objects.filter(level__in=[Level.PROVINCE, Level.DISTRICT])
