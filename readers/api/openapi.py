"""The API's OpenAPI 3.1 description, served at /api/openapi.json and checked against the
API by a property-based test (tests/readers/test_api_schema.py)."""

LANG = {
    "name": "lang",
    "in": "query",
    "description": "Language of the answer: ar (default; every communiqué), fr or en (the "
    "communiqués translated into it).",
    "schema": {"type": "string", "enum": ["ar", "fr", "en"]},
}
ERROR = {
    "description": "A parameter is out of range; nothing else happened.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
NOT_FOUND = {
    "description": "No such public communiqué in this language.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _ok(ref):
    return {
        "description": "OK",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def _date(name, description):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": "string", "format": "date"},
    }


NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
SUMMARY_PROPERTIES = {
    "id": {"type": "integer"},
    "slug": {"type": "string"},
    "title": {"type": "string"},
    "published_at": {"type": "string", "format": "date-time"},
    "corrected_at": NULLABLE_DATETIME,
    "language": {"type": "string", "enum": ["ar", "fr", "en"]},
    "languages": {"type": "array", "items": {"type": "string"}},
    "url": {"type": "string", "format": "uri"},
    "api_url": {"type": "string", "format": "uri"},
}


def _object(properties, required=None, extra=False):
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
        "additionalProperties": extra,
    }


SCHEMAS = {
    "Error": _object(
        {"error": {"type": "string"}, "parameter": {"type": "string"}}, required=["error"]
    ),
    "Index": _object(
        {
            "openapi": {"type": "string"},
            "communiques": {"type": "string"},
            "regions": {"type": "string"},
            "officials": {"type": "string"},
            "languages": {"type": "array", "items": {"type": "string"}},
        }
    ),
    "CommuniqueSummary": _object(SUMMARY_PROPERTIES),
    "Communique": _object(
        {**SUMMARY_PROPERTIES, "body": {"type": "string"}, "correction_note": {"type": "string"}}
    ),
    "CommuniquePage": _object(
        {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {
                "type": "array",
                "maxItems": 20,
                "items": {"$ref": "#/components/schemas/CommuniqueSummary"},
            },
        }
    ),
    "Regions": _object(
        {
            "results": {
                "type": "array",
                "items": _object(
                    {
                        "code": {"type": "string"},
                        "slug": {"type": "string"},
                        "name": {"type": "string"},
                        "provinces": {
                            "type": "array",
                            "items": _object(
                                {
                                    "code": {"type": "string"},
                                    "name": {"type": "string"},
                                    "kind": {"type": "string", "enum": ["province", "prefecture"]},
                                }
                            ),
                        },
                    }
                ),
            }
        }
    ),
    "Popolo": _object(
        {
            "persons": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "gender": {"type": "string", "enum": ["female", "male"]},
                    },
                    required=["id", "name"],
                ),
            },
            "organizations": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "classification": {"type": "string"},
                        "parent_id": {"type": "string"},
                        "area": _object({"id": {"type": "string"}, "name": {"type": "string"}}),
                    },
                    required=["id", "name", "classification"],
                ),
            },
            "posts": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "string"},
                        "label": {"type": "string"},
                        "role": {"type": "string"},
                        "organization_id": {"type": "string"},
                    }
                ),
            },
            "memberships": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "string"},
                        "person_id": {"type": "string"},
                        "organization_id": {"type": "string"},
                        "post_id": {"type": "string"},
                        "role": {"type": "string"},
                        "start_date": {"type": "string", "format": "date"},
                        "end_date": NULLABLE_DATE,
                    }
                ),
            },
        }
    ),
}


def description(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Bureau open data",
            "version": "1",
            "description": "The public communiqués of the Political Bureau, the party's "
            "territory and its officials register (Popolo). Read-only, no key needed. "
            "Nothing that is not public is ever included.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "index",
                    "parameters": [LANG],
                    "responses": {"200": _ok("Index"), "400": ERROR},
                }
            },
            "/communiques/": {
                "get": {
                    "operationId": "listCommuniques",
                    "summary": "Public communiqués, newest first, 20 a page.",
                    "parameters": [
                        LANG,
                        _date("from", "Published on or after this day (Morocco time)."),
                        _date("to", "Published on or before this day (Morocco time)."),
                        {
                            "name": "region",
                            "in": "query",
                            "description": "A region's slug: communiqués whose agenda concerns it.",
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "q",
                            "in": "query",
                            "description": "Words that must all appear in the title or body.",
                            "schema": {"type": "string", "maxLength": 200},
                        },
                        {
                            "name": "page",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                        },
                    ],
                    "responses": {"200": _ok("CommuniquePage"), "400": ERROR},
                }
            },
            "/communiques/{id}/": {
                "get": {
                    "operationId": "getCommunique",
                    "parameters": [
                        LANG,
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        },
                    ],
                    "responses": {"200": _ok("Communique"), "400": ERROR, "404": NOT_FOUND},
                }
            },
            "/regions/": {
                "get": {
                    "operationId": "listRegions",
                    "summary": "The twelve regions and their provinces and prefectures.",
                    "parameters": [LANG],
                    "responses": {"200": _ok("Regions"), "400": ERROR},
                }
            },
            "/officials/": {
                "get": {
                    "operationId": "officials",
                    "summary": "Current and past office holders, in the Popolo shape.",
                    "parameters": [LANG],
                    "responses": {"200": _ok("Popolo"), "400": ERROR},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
