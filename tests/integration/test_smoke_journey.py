from .helpers import END, MYSELF, exclusion_answers, lodge, walk


def test_a_resident_can_lodge_a_complaint(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    check = client.get("/kennett/complain/check")
    assert check.status_code == 200
    page = check.get_data(as_text=True)
    assert "The boiler was repaired three times" in page
    sent = lodge(client, "kennett")
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/kennett/complain/sent")
    confirmation = client.get("/kennett/complain/sent").get_data(as_text=True)
    assert "KCLT-" in confirmation
