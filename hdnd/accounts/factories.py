import factory

from .models import CouncilRole, Role, User

PASSWORD = "mat-khau-thu-nghiem-2024"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    first_name = "Cán bộ"
    last_name = factory.Sequence(lambda n: f"số {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CouncilRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilRole

    user = factory.SubFactory(UserFactory)
    council = factory.SubFactory("hdnd.councils.factories.CouncilFactory")
    role = Role.SECRETARIAT
