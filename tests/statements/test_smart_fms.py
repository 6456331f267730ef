"""Smart FMS B.V. privacy statement (data/sources/smart-fms.txt): expectations read from the text.

The text opens with website chrome (a feedback form: "Feedback … Verzenden … Bedankt … Sluiten …
Home"); the statement proper starts at the heading "Privacy statement Smart FMS".

Not encoded (the model has no place for these):

- Scope exclusion: the statement does not cover data for which Smart FMS's customers are the
  controller ("Dit privacy statement is nadrukkelijk dus niet bedoeld om de betrokkenen te informeren
  waarvoor onze klanten verwerkingsverantwoordelijke zijn (aldus de klanten van onze klanten).").
- Which basis belongs to which part of a lettered purpose: purposes a and b each hold several
  sub-purposes with their own basis ("De grondslag voor die verwerkingen is dan gebaseerd op
  respectievelijk in art. 6(1)(b) en art. 6(1)(f) AVG."); all bases sit on one activity, only the
  quotes tell the parts apart.
- Purpose limitation / compatible further use: "Persoonsgegevens worden niet verder verwerkt op een
  wijze die onverenigbaar is met de doeleinden waarvoor ze zijn verkregen." and "Dan kunnen wij dat
  alleen wanneer er tussen beide doelen een nauw verwantschap bestaat."
- "Alle afdelingen van Smart FMS verwerken persoonsgegevens." (internal access by all departments).
- No sale of data: "Uw persoonsgegevens worden vanzelfsprekend niet verkocht, verhuurd of anderszins
  aan derden verstrekken wanneer dat niet noodzakelijk is en daar geen wettelijke grondslag voor
  bestaat."
- Qualifier on the rights: "– voor zover van toepassing -"; and that requests must be in writing
  ("een schriftelijk verzoek indienen bij de Service Desk van Smart FMS").
- How requests are answered: "zal Smart FMS schriftelijk aan u laten weten" and "Indien niet of niet
  volledig aan het verzoek wordt voldaan wordt dit met redenen omkleed." (only the four-week deadline
  is encoded).
- The condition on complaints to the AP: "en wij komen er onverhoopt niet met u uit".
- Open-ended retention extension: "of zoveel langer als noodzakelijk is" (encoded as P2Y with a
  pg:ambiguity note); "bijvoorbeeld" before the 7-year retention.
- The data a recipient gets: the printer prints "naam en adresgegevens op enveloppen" (recipients
  carry no data categories); the condition "in geval van ernstige verdenkingen" for passing data to
  anti-cybercrime parties.
- Change policy: "ons privacy statement kunnen wij van tijd tot tijd wijzigen … dan attenderen wij u
  daarop of maken wij de wijzigingen op een opvallende manier aan u kenbaar."
"""

from __future__ import annotations

from conftest import short, source_text, statement_queries

SLUG = "smart-fms"
TEXT = source_text(SLUG)


ID = "https://w3id.org/policygraph/id/smart-fms/"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"


q, a = statement_queries(SLUG)


# --- Activities and legal bases -----------------------------------------------------------------

# Read from "Doeleinden en grondslag": a (b; f for the acceptance check), b (b; c for bookkeeping;
# b and f "respectievelijk" for recordings), c (f), d ("zowel art. 6(1)(b) AVG alsmede art. 6(1)(f)"),
# e (consent, a), f (b).
EXPECTED_BASES = {
    "act-contract": {"A6-1-b", "A6-1-f"},
    "act-relationship": {"A6-1-b", "A6-1-c", "A6-1-f"},
    "act-protect-interests": {"A6-1-f"},
    "act-product-development": {"A6-1-b", "A6-1-f"},
    "act-marketing": {"A6-1-a"},
    "act-business-contracts": {"A6-1-b"},
}


def test_six_lettered_purposes_are_six_activities() -> None:
    rows = q("SELECT ?act WHERE { ?act a dpv:Process ; dpv:hasNotice :statement ; dpv:hasDataController :smart-fms }")
    assert {short(r["act"]) for r in rows} == set(EXPECTED_BASES)


def test_legal_bases_per_purpose() -> None:
    rows = q("SELECT ?act ?basis WHERE { ?act a dpv:Process ; dpv:hasLegalBasis ?basis }")
    found: dict[str, set[str]] = {}
    for r in rows:
        found.setdefault(short(r["act"]), set()).add(short(r["basis"]))
    assert found == EXPECTED_BASES
    assert not a("ASK { :statement pg:hasUntiedLegalBasis ?b }")  # every basis is tied to a purpose


def test_every_basis_has_its_own_quote_on_its_activity() -> None:
    for act, bases in EXPECTED_BASES.items():
        for basis in bases:
            assert a(
                f"ASK {{ :{act} pg:hasEvidence ?ann . ?ann oa:hasBody :{act} ; pg:supports eu-gdpr:{basis} }}"
            ), (act, basis)


def test_several_bases_quoted_where_the_text_gives_them() -> None:
    # purpose d: one sentence gives both 6(1)(b) and 6(1)(f)
    rows = q("""SELECT ?quote WHERE { :act-product-development pg:hasEvidence ?ann .
        ?ann pg:supports eu-gdpr:A6-1-b , eu-gdpr:A6-1-f ; pg:quote ?quote }""")
    assert any("zowel art. 6(1)(b) AVG alsmede art. 6(1)(f) AVG" in r["quote"] for r in rows)
    # purpose b: the legal obligation is the bookkeeping/invoicing duty
    rows = q("SELECT ?quote WHERE { :act-relationship pg:hasEvidence ?ann . ?ann pg:supports eu-gdpr:A6-1-c ; pg:quote ?quote }")
    assert len(rows) == 1 and "boekhoud/facturatieverplichting" in rows[0]["quote"]
    # purpose b: recordings "respectievelijk" under (b) and (f)
    rows = q("""SELECT ?quote WHERE { :act-relationship pg:hasEvidence ?ann .
        ?ann pg:supports eu-gdpr:A6-1-b , eu-gdpr:A6-1-f ; pg:quote ?quote }""")
    assert len(rows) == 1 and "respectievelijk" in rows[0]["quote"]


def test_stated_interest_wherever_legitimate_interest_is_used() -> None:
    missing = q("""SELECT ?act WHERE { ?act dpv:hasLegalBasis eu-gdpr:A6-1-f .
        FILTER NOT EXISTS { ?act pg:statedInterest ?i } }""")
    assert missing == []
    rows = q("SELECT ?i WHERE { :act-contract pg:statedInterest ?i }")
    assert "beoordelen of wij u als klant kunnen accepteren" in rows[0]["i"]


def test_marketing_rests_on_consent_which_can_be_withdrawn() -> None:
    assert a("ASK { :act-marketing dpv:hasPurpose dpv:Marketing ; dpv:hasLegalBasis eu-gdpr:A6-1-a }")
    rows = q("""SELECT ?answer ?quote WHERE { ?t pg:topic pg:ConsentWithdrawal ; pg:answer ?answer ;
        pg:hasEvidence/pg:quote ?quote . :statement pg:hasAnswer ?t }""")
    assert len(rows) == 1 and short(rows[0]["answer"]) == "Yes"
    assert "te allen tijde intrekken" in rows[0]["quote"]


def test_four_properties_given_or_marked_not_stated() -> None:
    for prop in ("hasLegalBasis", "hasPersonalData", "hasDataSubject", "hasStorageCondition"):
        holes = q(f"""SELECT ?act WHERE {{ ?act a dpv:Process .
            FILTER NOT EXISTS {{ ?act dpv:{prop} ?v }}
            FILTER NOT EXISTS {{ ?act pg:notStated dpv:{prop} }} }}""")
        assert holes == [], prop
        both = q(f"SELECT ?act WHERE {{ ?act dpv:{prop} ?v ; pg:notStated dpv:{prop} }}")
        assert both == [], prop
    # marketing names no data and no subjects; the contact persons of purpose f name no data
    assert a("ASK { :act-marketing pg:notStated dpv:hasPersonalData , dpv:hasDataSubject }")
    assert a("ASK { :act-business-contracts pg:notStated dpv:hasPersonalData ; dpv:hasDataSubject pg:ContactPerson }")


def test_personal_data_named_for_the_relationship() -> None:
    rows = q("SELECT ?pd WHERE { :act-relationship dpv:hasPersonalData ?pd }")
    assert {"Name", "PhysicalAddress", "EmailAddress", "VoiceCommunicationRecording"} <= {short(r["pd"]) for r in rows}


# --- Retention ----------------------------------------------------------------------------------


def test_retention_seven_years_financial_two_years_other() -> None:
    rows = q("""SELECT ?act ?value ?days WHERE { ?act a dpv:Process ; dpv:hasStorageCondition ?sc .
        ?sc a dpv:StorageDuration ; dpv:hasDuration ?d . ?d a dpv:TemporalDuration ; rdf:value ?value ;
        pg:approximateDays ?days }""")
    by_act: dict[str, set[str]] = {}
    for r in rows:
        by_act.setdefault(short(r["act"]), set()).add(r["value"])
    assert by_act["act-relationship"] == {"P7Y", "P2Y"}
    assert all(values == {"P2Y"} for act, values in by_act.items() if act != "act-relationship")
    assert set(by_act) == set(EXPECTED_BASES)
    assert {r["days"] for r in rows} == {"2555", "730"}
    rows = q("SELECT ?quote WHERE { :retention-financial pg:hasEvidence/pg:quote ?quote }")
    assert rows and "bewaarplicht van 7 jaar" in rows[0]["quote"]
    # statement-wide: "niet langer dan noodzakelijk" (no figure), 7 years financial, 2 years other
    rows = q("""SELECT ?kind WHERE { :statement dpv:hasStorageCondition ?sc . ?sc dpv:hasDuration ?d .
        ?d a ?kind }""")
    assert sorted(short(r["kind"]) for r in rows) == ["IndeterminateDuration", "TemporalDuration", "TemporalDuration"]


# --- Recipients ---------------------------------------------------------------------------------


def test_recipients() -> None:
    rows = q("SELECT ?r WHERE { :statement dpv:hasRecipient ?r }")
    assert {short(r["r"]) for r in rows} == {
        "rec-processors", "rec-printer", "rec-service-providers", "rec-server-maintenance", "rec-authorities",
    }
    assert a("ASK { :rec-printer a pg:PrintingCompany , dpv:DataProcessor ; skos:prefLabel \"drukkerij\"@nl }")
    assert a("ASK { :rec-server-maintenance a pg:ITServiceProvider }")
    assert a("ASK { :rec-authorities a pg:GovernmentAgency . FILTER NOT EXISTS { :rec-authorities dpv:hasLocation ?l } }")
    # purpose c passes data to anti-cybercrime parties and records data in sector incident registers
    rows = q("SELECT ?r WHERE { :act-protect-interests dpv:hasRecipient ?r }")
    assert {short(r["r"]) for r in rows} == {"rec-cybercrime", "rec-sector-registers"}
    # unnamed parties carry a label, never an invented name
    assert not a("ASK { ?r a pg:PartyCategory ; dpv:hasName ?n }")


def test_data_sources_of_the_acceptance_check() -> None:
    rows = q("SELECT ?name WHERE { :act-contract dpv:hasDataSource ?s . ?s dpv:hasName ?name }")
    assert {r["name"] for r in rows} == {"Bureau Krediet Registratie (BKR)", "KvK"}


# --- Statement-level answers --------------------------------------------------------------------


def test_transfer_dpo_and_adm_not_stated_without_quotes() -> None:
    for topic in ("TransferOutsideEEA", "DataProtectionOfficerAppointed", "AutomatedDecisionMakingUsed"):
        rows = q(f"SELECT ?t ?answer WHERE {{ :statement pg:hasAnswer ?t . ?t pg:topic pg:{topic} ; pg:answer ?answer }}")
        assert [short(r["answer"]) for r in rows] == ["NotStated"], topic
        assert not a(f"ASK {{ ?t pg:topic pg:{topic} ; pg:hasEvidence ?e }}"), topic
    assert not a("ASK { ?x dpv:hasDataProtectionOfficer ?dpo }")
    assert not a("ASK { ?x dpv:hasContext dpv:AutomatedDecisionMaking }")


def test_every_topic_answered_once() -> None:
    rows = q("SELECT ?topic (COUNT(?t) AS ?n) WHERE { :statement pg:hasAnswer ?t . ?t pg:topic ?topic } GROUP BY ?topic")
    assert {short(r["topic"]): r["n"] for r in rows} == {
        t: "1" for t in ("TransferOutsideEEA", "DataProtectionOfficerAppointed", "AutomatedDecisionMakingUsed",
                         "ComplaintToSupervisoryAuthority", "ConsentWithdrawal",
                         "StatutoryOrContractualRequirement", "StatementDate")
    }


def test_rights_each_with_its_quote() -> None:
    rows = q("SELECT ?right WHERE { :statement dpv:hasRight ?right }")
    assert {short(r["right"]) for r in rows} == {"A7-3", "A15", "A16", "A17", "A18", "A20", "A21", "A77"}
    for right in ("A7-3", "A15", "A16", "A17", "A18", "A20", "A21", "A77"):
        assert a(f"ASK {{ :statement pg:hasEvidence ?ann . ?ann pg:supports eu-gdpr:{right} }}"), right
    rows = q("SELECT ?quote WHERE { :statement pg:hasEvidence ?ann . ?ann pg:supports eu-gdpr:A20 ; pg:quote ?quote }")
    assert "dataportabiliteit" in rows[0]["quote"]


def test_complaint_to_the_dutch_dpa() -> None:
    assert a("""ASK { :statement dpv:hasAuthority legal-nl:DPA-NL ; pg:hasAnswer ?t .
        ?t pg:topic pg:ComplaintToSupervisoryAuthority ; pg:answer pg:Yes ;
        pg:hasEvidence/pg:quote ?quote . FILTER(CONTAINS(?quote, "Autoriteit Persoonsgegevens")) }""")


def test_request_handling_four_weeks_and_id_at_the_office() -> None:
    rows = q("""SELECT ?value ?days WHERE { :statement pg:responseDeadline ?d .
        ?d a dpv:TemporalDuration ; rdf:value ?value ; pg:approximateDays ?days }""")
    # "Binnen vier weken" (xsd:duration has no weeks: P28D)
    assert rows == [{"value": "P28D", "days": "28"}]
    rows = q("SELECT ?quote WHERE { :statement pg:requestIdentityCheck ?c . ?c a pg:RequestIdentityCheck ; pg:hasEvidence/pg:quote ?quote }")
    assert len(rows) == 1 and "ten kantore van Smart FMS" in rows[0]["quote"] and "geldig identiteitsbewijs" in rows[0]["quote"]


def test_controller_and_date() -> None:
    rows = q("""SELECT ?name ?address WHERE { :smart-fms a dpv:DataController ; dpv:hasName ?name ;
        dpv:hasAddress ?address ; dpv:hasLocation loc:NL }""")
    assert rows == [{"name": "Smart FMS B.V.", "address": "Postbus 2593, 3800 GC AMERSFOORT"}]
    rows = q("SELECT ?c WHERE { :smart-fms dpv:hasContact ?c }")
    assert {r["c"] for r in rows} == {"support@smartfms.nl", "(033) 496 06 51"}
    assert a('ASK { :source pg:datePrinted "16 mei 2018"@nl ; dct:issued "2018-05-16"^^xsd:date ; pg:receivedAs "003_2cdd86977335ae4d.txt" }')


def test_data_subjects_listed_for_the_statement() -> None:
    rows = q("SELECT ?s WHERE { :statement dpv:hasDataSubject ?s }")
    assert {short(r["s"]) for r in rows} == {"Customer", "Prospect", "FormerCustomer", "ContactPerson"}


# --- Evidence ----------------------------------------------------------------------------------


def _selectors() -> list[dict[str, str]]:
    return q("""SELECT ?ann ?quote ?exact ?start ?end WHERE {
        ?ann a oa:Annotation ; pg:quote ?quote ; oa:hasTarget ?t .
        ?t oa:hasSource :source ; oa:hasSelector ?qs , ?ps .
        ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
        ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }""")


def test_no_quote_from_the_page_chrome() -> None:
    heading = TEXT.find("Privacy statement Smart FMS")
    assert heading == 327  # the feedback-form chrome before it is 327 characters long
    rows = _selectors()
    assert len(rows) >= 70
    early = [r["quote"] for r in rows if int(r["start"]) < heading]
    assert early == []


def test_every_quote_offset_slices_the_text_exactly() -> None:
    rows = _selectors()
    assert rows
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert TEXT[start:end] == r["quote"] == r["exact"], r["quote"]


def test_every_curated_node_has_evidence() -> None:
    # every activity, recipient, storage condition and "Yes" answer carries at least one quote
    rows = q("""SELECT ?n WHERE {
        { ?n a dpv:Process } UNION { ?n a pg:PartyCategory } UNION { ?n a dpv:StorageDuration }
        UNION { ?n a pg:TopicAnswer ; pg:answer pg:Yes } UNION { ?n a dpv:DataController }
        FILTER(STRSTARTS(STR(?n), "https://w3id.org/policygraph/id/smart-fms/"))
        FILTER NOT EXISTS { ?n pg:hasEvidence ?e } }""")
    assert rows == []
    assert not a("ASK { ?s pg:evidence ?o }")


def test_dutch_labels_for_dpv_terms_used() -> None:
    rows = q("""SELECT DISTINCT ?term WHERE {
        GRAPH <https://w3id.org/policygraph/graph/smart-fms> { { ?s ?p ?term } UNION { ?s ?term ?o } }
        FILTER(isIRI(?term) && STRSTARTS(STR(?term), "https://w3id.org/dpv"))
        FILTER NOT EXISTS { ?term skos:prefLabel ?l . FILTER(LANG(?l) = "nl") } }""")
    assert rows == []
