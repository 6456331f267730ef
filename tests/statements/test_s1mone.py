"""S1MONE B.V. privacy statement (data/sources/s1mone.txt): expectations read from the text.

S1MONE runs a fault-reporting app. For the app and application data it is the processor of its
unnamed clients ("dit doen wij als ‘verwerker’"); for its clients' contact persons it is the
controller ("(als verantwoordelijke)"). Section 4.1 lists eight client purposes, section 4.2 seven
own purposes; each bullet is one activity.

Not encoded (the model has no place for these):

- No sale of data: "We verkopen uw persoonsgegevens niet, maar gebruiken deze alleen voor onszelf of
  voor onze opdrachtgevers."
- The processor's claim that it cannot see its clients' data: "S1MONE heeft geen toegang. Wij hebben
  zelf geen toegang tot persoonsgegevens die wij voor de opdrachtgevers verwerken." (no DPV measure
  says this; noted as pg:ambiguity on the blocking activity, which it contradicts).
- Where the ICT companies are: "Deze ICT-bedrijven zijn gevestigd binnen Europa." DPV's loc has no
  concept for Europe (only EU/EEA), so the recipients carry no dpv:hasLocation; only the storage
  location from section 8 ("alleen opgeslagen op servers die zich binnen de Europese Economische
  Ruimte bevinden") is encoded, as a dpv:StorageLocation in loc:EEA.
- The hedges on the clients' processing: "zullen deze hoofdzakelijk gebruiken voor" and "zullen uw
  gegevens waarschijnlijk gebruiken op basis van" (held only as pg:ambiguity text); and the
  third-party alternative "(of dat van een ander)" of the legitimate interest (encoded as A6-1-f).
- Which data serve which purpose: sections 3.1–3.3 list data per source, sections 4.1–4.2 purposes
  per role; the activities carry the data their bullet names, or all data of the role.
- Contact persons of *potential* clients ("contactpersonen van onze opdrachtgevers of potentiële
  opdrachtgevers") are not told apart from those of clients (pg:ContactPerson).
- Systems and channels: "Deze gegevens verwerken wij in ons CRM systeem en kunnen wij ook verwerken
  via andere kanalen of systemen, zoals de email of via onze website (via een contactformulier)."
- A request to users, not a measure: "U wordt daarbij gevraagd geen foto’s te nemen van andere
  mensen, zoals uw kinderen of andere bewoners en het liefst ook niet van uzelf tenzij dat echt nodig
  is in verband met de storing."
- Exceptions to retention: "tenzij er een belangrijke reden is om deze informatie langer te bewaren,
  bijvoorbeeld bij een juridische procedure", "tenzij u aangeeft dat u uw gegevens eerder wilt laten
  verwijderen, of juist dat wij ze langer mogen bewaren" and de-identification after the period:
  "Na deze periode wordt de informatie over de storing niet in combinatie met uw persoonsgegevens
  bewaard." (held as pg:ambiguity / evidence only).
- How app users exercise rights: "De meeste van uw gegevens vindt u terug in uw eigen account. U kunt
  daarop inloggen en de gegevens aanpassen. Voor inzage in gegevens die niet in uw account staan, kunt
  u rechtstreeks contact opnemen met de betreffende opdrachtgever." (pg:rightsContact holds one
  address, S1MONE's, which the text gives for contact persons only).
- Refusal of requests: "Het kan zijn dat wij in bepaalde gevallen het recht hebben om uw verzoek te
  weigeren. In dat geval zullen we toelichten waarom we het verzoek weigeren."
- Other supervisory authorities: "dit kan de toezichthouder zijn in het land van uw gewone
  verblijfplaats, waar u uw werk verricht of waar (gestelde) inbreuk wordt gemaakt op de
  privacywetgeving" (only the Autoriteit Persoonsgegevens is encoded).
- Change policy: "Als het om een belangrijke wijziging gaat zullen wij u daarvan op de hoogte
  brengen, bijvoorbeeld door u een email-bericht te sturen."
"""

from __future__ import annotations

from conftest import short, source_text, statement_queries

SLUG = "s1mone"
TEXT = source_text(SLUG)


ID = "https://w3id.org/policygraph/id/s1mone/"


q, a = statement_queries(SLUG)


# Section 4.1 (eight bullets, the clients' purposes) and section 4.2 (seven bullets, S1MONE's own).
CLIENT_ACTIVITIES = {
    "act-client-identification",
    "act-client-account",
    "act-client-confirmations",
    "act-client-contact-reporters",
    "act-client-fault-handling",
    "act-client-fault-analysis",
    "act-client-blocking",
    "act-client-device-recognition",
}
OWN_ACTIVITIES = {
    "act-contact-identification",
    "act-contact-communication",
    "act-contact-account",
    "act-contact-service-provision",
    "act-contact-administration",
    "act-contact-financial-administration",
    "act-contact-commercial-relationship",
}


# --- Roles --------------------------------------------------------------------------------------


def test_s1mone_processes_app_data_on_behalf_of_its_unnamed_clients() -> None:
    # 1.2: "De persoonsgegevens die wij voor onze opdrachtgevers verwerken – dit doen wij als ‘verwerker’"
    rows = q("""
        SELECT ?act ?label WHERE {
          ?act a dpv:Process ; dpv:hasDataProcessor :s1mone ; dpv:hasDataController ?c .
          ?c a pg:ClientOrganisation , dpv:DataController , pg:PartyCategory ; skos:prefLabel ?label .
          FILTER NOT EXISTS { ?c dpv:hasName ?name }
          FILTER (lang(?label) = "nl")
        }""")
    assert {short(r["act"]) for r in rows} == CLIENT_ACTIVITIES
    assert {r["label"] for r in rows} == {"opdrachtgevers van S1MONE"}


def test_s1mone_is_controller_only_for_contact_persons() -> None:
    # 3.3: "Wij verwerken persoonsgegevens van contactpersonen ... (als verantwoordelijke)."
    rows = q("""
        SELECT ?act WHERE {
          ?act a dpv:Process ; dpv:hasDataController :s1mone ; dpv:hasDataSubject pg:ContactPerson .
        }""")
    assert {short(r["act"]) for r in rows} == OWN_ACTIVITIES
    # Never both roles on one activity; the own activities name no processor at all.
    assert not a("ASK { ?act dpv:hasDataController :s1mone ; dpv:hasDataProcessor :s1mone }")
    assert not a("""ASK { ?act dpv:hasDataController :s1mone ; dpv:hasDataProcessor ?p }""")
    # The clients never appear as controller of an own activity.
    assert not a("ASK { ?act dpv:hasDataController :clients ; dpv:hasDataSubject pg:ContactPerson }")


def test_controller_details() -> None:
    rows = q("""
        SELECT ?name ?address ?contact WHERE {
          :s1mone a dpv:DataController , dpv:DataProcessor ; dpv:hasName ?name ; dpv:hasAddress ?address ;
                  dpv:hasContact ?contact ; dpv:hasLocation loc:NL .
          :statement dpv:hasDataController :s1mone .
        }""")
    assert {r["name"] for r in rows} == {"S1MONE B.V."}
    assert {r["address"] for r in rows} == {"Noordeinde 162, 2514 GR Den Haag"}
    assert {r["contact"] for r in rows} == {"085-0027791", "info@s1monegroup.com"}


# --- Legal bases per purpose --------------------------------------------------------------------


def test_client_processing_rests_on_the_clients_legitimate_interest() -> None:
    # 5.1: the only basis given for the clients' processing is their legitimate interest.
    rows = q("""
        SELECT ?act ?basis WHERE {
          ?act dpv:hasDataController :clients ; dpv:hasLegalBasis ?basis .
        }""")
    assert {short(r["act"]) for r in rows} == CLIENT_ACTIVITIES
    assert {short(r["basis"]) for r in rows} == {"A6-1-f"}
    interest = q("SELECT DISTINCT ?i WHERE { :act-client-contact-reporters pg:statedInterest ?i }")
    assert len(interest) == 1
    assert interest[0]["i"].startswith("het belang van de opdrachtgever om meldingen van u te ontvangen")


def test_own_purposes_have_their_own_bases() -> None:
    rows = q("""
        SELECT ?act ?basis WHERE {
          ?act dpv:hasDataController :s1mone ; dpv:hasLegalBasis ?basis .
        }""")
    bases: dict[str, set[str]] = {}
    for r in rows:
        bases.setdefault(short(r["act"]), set()).add(short(r["basis"]))
    # 5.2: "Gegevens in de financiële administratie zijn nodig om te voldoen aan onze wettelijke
    # administratieverplichtingen." – the invoice purpose is the only legal obligation.
    assert bases.pop("act-contact-financial-administration") == {"A6-1-c"}
    assert set(bases) == OWN_ACTIVITIES - {"act-contact-financial-administration"}
    assert all(b == {"A6-1-f"} for b in bases.values())
    interests = {short(r["act"]): r["i"] for r in q("""
        SELECT ?act ?i WHERE { ?act dpv:hasDataController :s1mone ; pg:statedInterest ?i }""")}
    assert interests["act-contact-commercial-relationship"] == "een commerciële relatie met u te onderhouden"
    assert interests["act-contact-administration"] == "ons belang om een interne administratie bij te houden"
    # Identification and account creation: no interest in 5.2 names them.
    assert "act-contact-identification" not in interests
    assert "act-contact-account" not in interests


def test_consent_is_listed_but_tied_to_no_purpose() -> None:
    # 5.2: "In bijzondere situaties kunnen wij afzonderlijke uw toestemming vragen voor een bepaalde verwerking."
    assert a("ASK { :statement pg:hasUntiedLegalBasis eu-gdpr:A6-1-a }")
    assert not a("ASK { ?act a dpv:Process ; dpv:hasLegalBasis eu-gdpr:A6-1-a }")


# --- Personal data and data subjects ------------------------------------------------------------


def test_personal_data_per_activity() -> None:
    def data(act: str) -> set[str]:
        return {short(r["d"]) for r in q(f"SELECT ?d WHERE {{ :{act} dpv:hasPersonalData ?d }}")}

    # 3.1: name, telephone number, e-mail address, pictures, messages; 3.2: home address.
    assert data("act-client-contact-reporters") == {
        "Name", "TelephoneNumber", "EmailAddress", "Picture", "Communication", "PhysicalAddress"}
    # 4.1: "Om de browser en/of het apparaat te herkennen ..."
    assert data("act-client-device-recognition") == {"UserAgent", "DeviceBased"}
    # 4.2: "(het gaat dan om uw naam als contactpersoon op de factuur)"
    assert data("act-contact-financial-administration") == {"Name"}
    # 3.3: naam, bedrijf waarvoor u werkt, emailadres, telefoonnummer, communicatie.
    assert data("act-contact-commercial-relationship") == {
        "Name", "CurrentEmployment", "EmailAddress", "TelephoneNumber", "Communication"}


def test_data_subjects() -> None:
    rows = q("SELECT ?act ?s WHERE { ?act a dpv:Process ; dpv:hasDataSubject ?s }")
    subjects: dict[str, set[str]] = {}
    for r in rows:
        subjects.setdefault(short(r["act"]), set()).add(short(r["s"]))
    assert subjects["act-client-contact-reporters"] == {"User"}        # "melders"
    assert subjects["act-client-blocking"] == {"Employee"}             # users of the application / pro app
    assert subjects["act-client-fault-handling"] == {"User", "Employee"}
    assert all(subjects[act] == {"ContactPerson"} for act in OWN_ACTIVITIES)


# --- Retention ----------------------------------------------------------------------------------


def test_retention_figures() -> None:
    rows = q("""
        SELECT ?act ?kind ?value ?days WHERE {
          ?act a dpv:Process ; dpv:hasStorageCondition [ a dpv:StorageDuration ; dpv:hasDuration ?d ] .
          ?d a ?kind .
          OPTIONAL { ?d rdf:value ?value }
          OPTIONAL { ?d pg:approximateDays ?days }
        }""")
    found = {(short(r["act"]), short(r["kind"]), r.get("value"), r.get("days")) for r in rows}
    # 9.2: "Als de relatie met de opdrachtgever is geëindigd, bewaren wij uw gegevens nog gedurende twee jaar"
    assert ("act-contact-commercial-relationship", "UntilEventDuration",
            "einde van de relatie met de opdrachtgever", "730") in found
    # 9.2: "Gegevens in de financiële administratie worden gedurende de wettelijke bewaartermijn (zeven jaar) bewaard."
    assert ("act-contact-financial-administration", "TemporalDuration", "P7Y", "2555") in found
    # 9.1: "gedurende 2 jaar na de melding van de storing bewaard"
    assert ("act-client-contact-reporters", "UntilEventDuration", "melding van de storing", "730") in found
    # 9.1: "De opdrachtgever bepaalt hoe lang de gegevens van werknemers in de applicatie worden opgeslagen."
    assert ("act-client-blocking", "IndeterminateDuration", None, None) in found
    # The financial records carry only the seven-year period.
    assert {f for f in found if f[0] == "act-contact-financial-administration"} == {
        ("act-contact-financial-administration", "TemporalDuration", "P7Y", "2555")}


def test_every_activity_has_each_core_property_or_says_it_is_not_stated() -> None:
    for prop in ("hasLegalBasis", "hasPersonalData", "hasDataSubject", "hasStorageCondition"):
        missing = q(f"""
            SELECT ?act WHERE {{
              ?act a dpv:Process .
              FILTER NOT EXISTS {{ ?act dpv:{prop} ?v }}
              FILTER NOT EXISTS {{ ?act pg:notStated dpv:{prop} }}
            }}""")
        assert missing == [], prop
    # No retention is given for the browser and device data.
    assert a("ASK { :act-client-device-recognition pg:notStated dpv:hasStorageCondition }")
    assert len(q("SELECT ?act WHERE { ?act a dpv:Process }")) == 15


# --- Recipients and transfers -------------------------------------------------------------------


def test_recipients() -> None:
    # No reasoning: dpv:hasDataProcessor counts as a recipient link through rdfs:subPropertyOf.
    rows = q("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?act ?rec WHERE {
          ?act a dpv:Process ; ?p ?rec . ?p rdfs:subPropertyOf* dpv:hasRecipient .
          FILTER (?rec != :s1mone)
        }""")
    per: dict[str, set[str]] = {}
    for r in rows:
        per.setdefault(short(r["rec"]), set()).add(short(r["act"]))
    # 7.1: the ICT companies act "als onze sub-verwerkers" for every client activity.
    assert per["rec-ict-subprocessors"] == CLIENT_ACTIVITIES
    assert a("ASK { :rec-ict-subprocessors a dpv:DataSubProcessor , pg:ITServiceProvider }")
    assert all(a(f"ASK {{ :{act} dpv:hasDataProcessor :rec-ict-subprocessors }}") for act in CLIENT_ACTIVITIES)
    # 7.1: melder data go to the repairers for handling the fault.
    assert per["rec-contractors"] == {"act-client-fault-handling"}
    # 7.2: ICT companies for all own processing; the bookkeeper only gets the name on the invoice.
    assert per["rec-ict"] == OWN_ACTIVITIES
    assert per["rec-accountant"] == {"act-contact-financial-administration"}
    assert a("ASK { :rec-accountant a pg:Accountant , pg:PartyCategory }")
    # "gevestigd binnen Europa": no loc concept, so no location on any recipient.
    assert not a("ASK { ?r a pg:PartyCategory ; dpv:hasLocation ?l }")


def test_no_transfer_outside_the_eea_and_storage_in_the_eea() -> None:
    # 8: "Nee, uw gegevens worden niet doorgegeven naar buiten de Europese Economische Ruimte"
    rows = q("""
        SELECT ?answer ?quote WHERE {
          :statement pg:hasAnswer ?x . ?x pg:topic pg:TransferOutsideEEA ; pg:answer ?answer ;
             pg:hasEvidence/pg:quote ?quote .
        }""")
    assert [(short(r["answer"]), r["quote"][:4]) for r in rows] == [("No", "Nee,")]
    assert a("ASK { :statement dpv:hasStorageCondition [ a dpv:StorageLocation ; dpv:hasLocation loc:EEA ] }")


# --- Rights and other topics --------------------------------------------------------------------


def test_rights_each_with_its_own_quote() -> None:
    rights = {short(r["r"]) for r in q("SELECT ?r WHERE { :statement dpv:hasRight ?r }")}
    # 10.1: inzage/kopie, informatie, corrigeren/aanvullen, verwijderen, beperken, bezwaar,
    # toestemming intrekken, overdragen, klacht.
    assert rights == {"A7-3", "A13", "A14", "A15", "A16", "A17", "A18", "A20", "A21", "A77"}
    unquoted = q("""
        SELECT ?r WHERE {
          :statement dpv:hasRight ?r .
          FILTER NOT EXISTS { :statement pg:hasEvidence/pg:supports ?r }
        }""")
    assert unquoted == []
    assert a("ASK { :statement dpv:hasAuthority legal-nl:DPA-NL ; pg:rightsContact \"info@s1monegroup.com\" }")
    # Deadline and identity check: the text gives neither.
    assert a("ASK { :statement pg:notStated pg:responseDeadline , pg:requestIdentityCheck }")
    # The text names no law.
    assert not a("ASK { :statement dpv:hasApplicableLaw ?law }")


def test_topic_answers() -> None:
    rows = q("SELECT ?topic ?answer WHERE { :statement pg:hasAnswer [ pg:topic ?topic ; pg:answer ?answer ] }")
    answers = {short(r["topic"]): short(r["answer"]) for r in rows}
    assert answers == {
        "TransferOutsideEEA": "No",
        "DataProtectionOfficerAppointed": "NotStated",
        "AutomatedDecisionMakingUsed": "NotStated",
        "ComplaintToSupervisoryAuthority": "Yes",
        "ConsentWithdrawal": "Yes",
        "StatutoryOrContractualRequirement": "Yes",
        "StatementDate": "Yes",
    }
    # Silence has nothing to quote; every other answer is quoted.
    assert not a("ASK { ?x pg:answer pg:NotStated ; pg:hasEvidence ?e }")
    assert not a("""ASK { ?x a pg:TopicAnswer ; pg:answer ?v .
                          FILTER (?v != pg:NotStated) FILTER NOT EXISTS { ?x pg:hasEvidence ?e } }""")
    date = q("SELECT ?d WHERE { :source dct:modified ?d ; pg:datePrinted ?p }")
    assert [r["d"] for r in date] == ["2019-06-04"]


# --- Evidence -----------------------------------------------------------------------------------


def test_every_node_is_quoted() -> None:
    unquoted = q("""
        SELECT ?n WHERE {
          { ?n a dpv:Process } UNION { ?n a pg:PartyCategory } UNION { ?n a dpv:StorageDuration }
          UNION { ?n a dpv:StorageLocation } UNION { ?n a dpv:PrivacyNotice } UNION { ?n a dpv:Organisation }
          FILTER NOT EXISTS { ?n pg:hasEvidence ?e }
        }""")
    assert unquoted == []


def test_every_quote_offset_slices_the_source_exactly() -> None:
    rows = q("""
        SELECT ?exact ?start ?end WHERE {
          ?ann a oa:Annotation ; oa:hasTarget ?t .
          ?t oa:hasSource :source ; oa:hasSelector ?qs , ?ps .
          ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
          ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        }""")
    annotations = q("SELECT ?ann WHERE { ?node pg:hasEvidence ?ann }")
    assert rows and len(rows) == len(annotations)
    for r in rows:
        assert TEXT[int(r["start"]):int(r["end"])] == r["exact"]
