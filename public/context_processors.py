from common.organisation import organisation_name


def organisation(request):
    return {"ORGANISATION_NAME": organisation_name()}
