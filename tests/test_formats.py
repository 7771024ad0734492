from pressparse.cli.formats import csv_row

RECORD = {
    "source": "a.txt", "url": None, "language": "es", "headline": "Titular", "location": {"name": "Bogotá", "country_code": "CO"},
    "date": "2019-01-17", "projects": [{"name": "Rutas Seguras", "acronym": "RS"}, {"name": "Agua", "acronym": None}],
    "funders": [{"name": "Unión Europea"}, {"name": "Gobierno de Japón"}],
    "contacts": [{"name": "Ana Ruiz", "organization": "OIM Colombia", "phones": ["+5715550101"], "emails": ["a@x.org"]},
                 {"name": None, "organization": None, "phones": [], "emails": ["b@x.org"]}],
    "body": "Texto.", "warnings": [],
}


def test_csv_row_flattens_lists_with_semicolons():
    assert csv_row(RECORD) == {
        "source": "a.txt", "url": "", "language": "es", "headline": "Titular", "location": "Bogotá", "country_code": "CO",
        "date": "2019-01-17", "projects": "Rutas Seguras (RS); Agua", "funders": "Unión Europea; Gobierno de Japón",
        "contact_names": "Ana Ruiz", "contact_emails": "a@x.org; b@x.org", "contact_phones": "+5715550101",
        "body": "Texto.",
    }
