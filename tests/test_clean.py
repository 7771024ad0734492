from pressparse.clean import clean_text


def test_line_endings_bom_and_odd_spaces():
    assert clean_text("\ufeffA\u00a0b\r\nc\u202f d\re") == "A b\nc d\ne"


def test_entities_and_tag_remnants():
    assert clean_text("Ruiz &amp; Co&nbsp;said &#8217;yes&#8217;") == "Ruiz & Co said ’yes’"
    assert clean_text('E-mail : "mailto:ab@org.int">ab@org.int') == "E-mail : ab@org.int"
    assert clean_text("<p>Un <b>texte</b></p>") == " Un texte \n"


def test_line_breaking_tags_become_line_breaks():
    assert clean_text("Ana Ruiz<br>IOM Geneva<br/>Tel") == "Ana Ruiz\nIOM Geneva\nTel"


def test_unicode_is_nfc():
    assert clean_text("e\u0301te\u0301") == "été"


def test_a_lone_less_than_sign_is_text():
    assert clean_text("growth < 5% and 3 > 2") == "growth < 5% and 3 > 2"
