"""Importing contacts from a CSV or vCard file: every row imported or reported with its reason,
nothing half-imported without saying so, nothing imported twice, HTML kept as text."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.network.models import Contact
from tests.network.conftest import add_contact

URL = "/plan/network/contacts/import/"


def upload(client: Client, name: str, data: bytes) -> tuple[int, str]:
    response = client.post(URL, {"file": SimpleUploadedFile(name, data)})
    return response.status_code, response.content.decode()


GOOD_CSV = (
    b"Name,Email,Company,Role,Where met,Tags,Notes,Last contact,Next follow-up\n"
    b"Ana Lee,ana@example.org,NHS Digital,Data lead,Alumni evening,alumni,Met at the bar,"
    b"2026-01-05,2026-02-01\n"
    b'"Park, Ben",ben@example.org,Babylon,Analyst,LinkedIn,,"Two\nlines",,\n'
)


def test_a_semicolon_csv_with_a_byte_order_mark_is_imported(
    alice_client: Client, alice: User
) -> None:
    """A European spreadsheet's "CSV" (issue 11, class 6): semicolons, a BOM, CRLF."""
    data = (
        "\ufeffName;Email;Company;Notes\r\n"
        "Lee, Ana;ana@example.org;NHS Digital;Met at the alumni evening, 2026\r\n"
        "Ben Park;ben@example.org;Babylon;\r\n"
    ).encode()
    status, page = upload(alice_client, "kontakte.csv", data)
    assert status == 200
    assert "Imported 2 of 2 contacts from the CSV file." in page
    ana = Contact.objects.get(user=alice, email="ana@example.org")
    assert (ana.name, ana.company, ana.notes) == (
        "Lee, Ana",
        "NHS Digital",
        "Met at the alumni evening, 2026",
    )


def test_a_good_csv_is_imported(alice_client: Client, alice: User) -> None:
    assert "CSV or vCard file" in alice_client.get(URL).content.decode()
    status, page = upload(alice_client, "contacts.csv", GOOD_CSV)
    assert status == 200
    assert "Imported 2 of 2 contacts from the CSV file." in page
    ana = Contact.objects.get(name="Ana Lee")
    assert (ana.user, ana.company, ana.where_met, ana.tags) == (
        alice,
        "NHS Digital",
        "Alumni evening",
        "alumni",
    )
    assert ana.next_follow_up is not None
    assert ana.next_follow_up.isoformat() == "2026-02-01"
    assert Contact.objects.get(name="Park, Ben").notes == "Two\nlines"


def test_linkedins_export_with_its_preamble_is_read(alice_client: Client) -> None:
    data = (
        b'Notes:\n"When exporting your connection data, you may notice..."\n\n'
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Lee,https://www.linkedin.com/in/ana,,NHS,Data lead,05 Jan 2026\n"
    )
    _status, page = upload(alice_client, "Connections.csv", data)
    assert "Imported 1 of 1 contact from the CSV file." in page
    ana = Contact.objects.get()
    assert ana.name == "Ana Lee"
    assert ana.role == "Data lead"
    assert ana.last_contact is not None
    assert ana.last_contact.isoformat() == "2026-01-05"
    assert "https://www.linkedin.com/in/ana" in ana.notes  # an unknown column is not lost


def test_a_good_vcard_is_imported(alice_client: Client) -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lee\r\nN:Lee;Ana;;;\r\n"
        b"EMAIL;TYPE=work:ana@example.org\r\nORG:NHS Digital;Analytics\r\nTITLE:Data lead\r\n"
        b"NOTE:Met at the alumni\\nevening\\, loved SQL\r\nCATEGORIES:alumni,mentor\r\n"
        b"END:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nN:Park;Ben;;;\r\nTEL:+44 20 7946 0000\r\n"
        b"NOTE:a long note that was fol\r\n ded by the exporter\r\nEND:VCARD\r\n"
    )
    _status, page = upload(alice_client, "contacts.vcf", data)
    assert "Imported 2 of 2 contacts from the vCard file." in page
    ana = Contact.objects.get(email="ana@example.org")
    assert (ana.name, ana.company, ana.role) == ("Ana Lee", "NHS Digital – Analytics", "Data lead")
    assert ana.notes == "Met at the alumni\nevening, loved SQL"
    assert ana.tags == "alumni, mentor"
    ben = Contact.objects.get(name="Ben Park")
    assert ben.notes == "a long note that was folded by the exporter"


def test_duplicates_in_the_file_and_already_saved_are_skipped_and_named(
    alice_client: Client, alice: User
) -> None:
    add_contact(alice, "Ana Lee", email="ana@example.org")
    data = (
        b"Name,Email,Company\n"
        b"Ana L.,ANA@example.org,NHS\n"
        b"Ben Park,,Babylon\n"
        b"ben  park,,babylon\n"
        b"Cy Ode,cy@example.org,\n"
    )
    _status, page = upload(alice_client, "contacts.csv", data)
    assert "Imported 2 of 4 contacts from the CSV file; 2 not imported" in page
    assert "Row 2: Ana L. is already in your contacts (as Ana Lee): skipped" in page
    assert "Row 4: ben park appears again (first on row 3): skipped" in page
    assert sorted(Contact.objects.values_list("name", flat=True)) == [
        "Ana Lee",
        "Ben Park",
        "Cy Ode",
    ]


def test_rows_with_problems_are_each_named(alice_client: Client) -> None:
    data = (
        b"Name,Email,Next follow-up\n"
        b",,\n"  # blank: not a contact
        b",,2026-01-01\n"  # a date and nobody
        b"Ana Lee,not-an-address,04/05/2026\n"
        b",ben@example.org,\n"
    )
    _status, page = upload(alice_client, "contacts.csv", data)
    assert "Imported 2 of 3 contacts" in page
    assert "Not imported</strong> · Row 3: no name or e-mail: not imported" in page
    assert "Row 4: “not-an-address” is not an e-mail address: kept in the notes" in page
    assert "Row 4: the next follow-up date “04/05/2026” could not be read" in page
    assert "Row 5: no name: “ben” taken from the e-mail" in page
    ana = Contact.objects.get(name="Ana Lee")
    assert "not-an-address" in ana.notes
    assert "04/05/2026" in ana.notes


def test_html_in_names_is_kept_as_text(alice_client: Client) -> None:
    data = b"Name,Notes\n<script>alert(1)</script>,<b>bold</b>\n"
    _status, _page = upload(alice_client, "contacts.csv", data)
    contact = Contact.objects.get()
    assert contact.name == "<script>alert(1)</script>"
    listing = alice_client.get("/plan/network/").content.decode()
    assert "<script>alert(1)</script>" not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing


def test_an_empty_file_is_refused(alice_client: Client) -> None:
    status, page = upload(alice_client, "contacts.csv", b"")
    assert status == 422
    assert "The file is empty: there is nothing to import." in page
    status, page = upload(alice_client, "contacts.csv", b"  \n\n")
    assert "The file is empty" in page
    status, page = upload(alice_client, "contacts.csv", b"Name,Email\n")
    assert "no contacts. Nothing was imported." in page
    assert not Contact.objects.exists()


def test_a_non_utf8_file_is_refused_with_the_line(alice_client: Client) -> None:
    data = "Name,Company\nJosé Núñez,Café\n".encode("cp1252")
    status, page = upload(alice_client, "contacts.csv", data)
    assert status == 422
    assert "The file is not UTF-8 text (line 2 has the byte 0xE9" in page
    assert "CSV UTF-8" in page
    assert not Contact.objects.exists()


def test_utf16_with_its_mark_is_read(alice_client: Client) -> None:
    data = "Name,Company\nJosé Núñez,Café\n".encode("utf-16")
    _status, page = upload(alice_client, "contacts.csv", data)
    assert "Imported 1 of 1 contact" in page
    assert Contact.objects.get().name == "José Núñez"


def test_a_malformed_csv_imports_nothing_and_says_why(alice_client: Client) -> None:
    data = b'Name,Email\nAna Lee,ana@example.org\n"Ben Park,ben@example.org\nCy,cy@example.org\n'
    status, page = upload(alice_client, "contacts.csv", data)
    assert status == 422
    assert "a quote (&quot;) is opened and never closed. Nothing was imported" in page
    assert not Contact.objects.exists()


def test_a_csv_without_a_header_is_refused(alice_client: Client) -> None:
    status, page = upload(alice_client, "contacts.csv", b"Ana Lee,ana@example.org\n")
    assert status == 422
    assert "The first row should name the columns" in page


def test_a_malformed_vcard_reports_each_card(alice_client: Client) -> None:
    data = (
        b"BEGIN:VCARD\nFN:Ana Lee\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\n"
        b"BEGIN:VCARD\nFN:Cut Short\n"
    )
    _status, page = upload(alice_client, "contacts.vcf", data)
    assert "Imported 1 of 3 contacts from the vCard file; 2 not imported" in page
    assert "Card 2: no name or e-mail: not imported" in page
    assert "Card 3: the card starting on line 8 has no END:VCARD" in page
    assert list(Contact.objects.values_list("name", flat=True)) == ["Ana Lee"]


def test_a_vcard_file_with_no_cards_is_refused(alice_client: Client) -> None:
    status, page = upload(alice_client, "contacts.vcf", b"hello\nworld\n")
    assert status == 422
    assert "No contact cards found" in page


def test_ten_thousand_rows_are_refused_whole(alice_client: Client) -> None:
    rows = "".join(f"Person {n},p{n}@example.org\n" for n in range(10_000))
    status, page = upload(alice_client, "big.csv", ("Name,Email\n" + rows).encode())
    assert status == 422
    assert "The file has 10,000 rows; prepcoach imports at most 5,000 at a time." in page
    assert "Nothing was imported: split the file" in page
    assert not Contact.objects.exists()


def test_five_thousand_rows_are_all_imported(alice_client: Client) -> None:
    rows = "".join(f"Person {n},p{n}@example.org\n" for n in range(5_000))
    _status, page = upload(alice_client, "big.csv", ("Name,Email\n" + rows).encode())
    assert "Imported 5000 of 5000 contacts" in page
    assert Contact.objects.count() == 5_000


def test_imported_contacts_are_alices_alone(client: Client, alice: User, bob: User) -> None:
    client.force_login(alice)
    upload(client, "contacts.csv", b"Name\nAna Lee\n")
    client.force_login(bob)
    assert "Ana Lee" not in client.get("/plan/network/").content.decode()
    assert not Contact.objects.filter(user=bob).exists()


def test_no_file_is_explained(alice_client: Client) -> None:
    response = alice_client.post(URL, {})
    assert response.status_code == 422
    assert "Choose a file to import." in response.content.decode()
