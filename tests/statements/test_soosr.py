"""SOOSR B.V. privacy statement (data/sources/soosr.txt): expectations read from the text.

Every expectation below was written from the statement text, not from a build; each queries the
built graph (ontology + this statement) with SPARQL.

Not encoded (the text says it, DPV + the policygraph model cannot hold it as data):

- that third parties are themselves responsible and SOOSR is not liable for them: "Derden aan wie
  wij uw persoonsgegevens verstrekken zijn zelf verantwoordelijk voor de naleving van de
  privacywetgeving. Wij zijn niet verantwoordelijk noch aansprakelijk voor de verwerking van uw
  persoonsgegevens door deze derden." (no term for a liability disclaimer; the recipients are not
  typed dpv:DataController on the strength of it)
- how the statement may change and how changes are announced: "We behouden ons het recht voor deze
  privacyverklaring eenzijdig te wijzigen of aan te passen door middel van het wijzigen van deze
  pagina." / "Wanneer er sprake is van een wezenlijke wijziging in deze privacyverklaring, volgt
  een duidelijke kennisgeving via onze website."
- a contact for suspected security problems: "Heeft u de indruk dat uw persoonsgegevens niet goed
  beveiligd zijn of zijn er aanwijzingen van bijvoorbeeld misbruik, neem dan gerust contact op met
  ons via info@soosr.com." (only pg:rightsContact exists; the address is on the controller)
- the supervisory authority's contact link: "https://autoriteitpersoonsgegevens.nl/nl/contact-met-
  de-autoriteit-persoonsgegevens/tip-ons" (a statement graph should not add facts to the DPV term
  legal-nl:DPA-NL; the link is only quoted on :answer-complaint)
- handling complaints by SOOSR itself before the authority: "Als u een klacht heeft over de
  verwerking van uw persoonsgegevens, dan helpen wij u uiteraard graag verder."
- the channels of direct marketing: "via o.a. e-mail, tekstberichten, telefoongesprekken en/of de
  post" (no DPV term for a communication channel; the data they imply are not named, so
  :act-direct-marketing records personal data as not stated)
- what legitimate interests are in general: "Een gerechtvaardigd belang is over het algemeen
  juridisch, financieel of zakelijk van aard."
- the conditions of the three-year rule: "Mocht er geen sprake zijn van een geschil en bestaat er
  voorts geen wettelijke verplichting om uw persoonsgegevens langer te bewaren" and its second
  event "én alle verplichtingen over en weer voortvloeiende uit de overeenkomst zijn afgerond"
  (a dpv:UntilEventDuration holds one event and one length; conditions are only in the quotes)
- the soft part of the response deadline: "zo snel mogelijk" (only the maximum P1M is held)
- the identity check's details as data: "Scherm in deze kopie uw pasfoto, MRZ (machine readable
  zone, de strook met nummers onderaan het paspoort), paspoortnummer en burgerservicenummer af."
  and its reasons "Om misbruik te voorkomen" / "Dit ter bescherming van uw privacy." (held as
  dct:description text on the pg:RequestIdentityCheck node)
- a promise to inform later: "Indien de verwerking van specifieke persoonsgegevens wettelijk
  verplicht is, zullen wij u daaromtrent informeren." (no answer value for "will tell you later";
  quoted on :answer-requirement with pg:ambiguity)
- the collection channels: "zowel via onze website als ook via onze Diensten" (only the source
  kind dpv:DataSubjectDataSource is held) and the exclusivity claim "Via de onze website verzamelen
  wij enkel gegevens die via het contactformulier worden ingevuld" (no "only" in the model)
- the risks the measures address: "om misbruik, verlies, onbevoegde toegang, ongewenste
  openbaarmaking en ongeoorloofde wijziging van uw persoonsgegevens tegen te gaan" (DPV's risk
  module is not part of the project)
- the legal form and the kind of address: "De besloten vennootschap met beperkte
  aansprakelijkheid" and "Bezoek" (visiting address); dpv:hasName and dpv:hasAddress are plain
  literals
"""

from __future__ import annotations

import re
from conftest import ROOT, statement_queries

SLUG = "soosr"
ID = "https://w3id.org/policygraph/id/soosr/"
DPV = "https://w3id.org/dpv#"
PD = "https://w3id.org/dpv/pd#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
PG = "https://w3id.org/policygraph/ns#"


q, a = statement_queries(SLUG)


def squash(text: str) -> str:
    return " ".join(text.split())


def quotes_of(node: str) -> set[str]:
    rows = q(f"SELECT ?q WHERE {{ {node} pg:hasEvidence/pg:quote ?q }}")
    return {squash(r["q"]) for r in rows}


def test_seven_numbered_purposes_are_activities_with_their_heading_and_purpose() -> None:
    # "Wij kunnen persoonsgegevens verwerken voor de navolgende doeleinden:" 1–7, each quoted by its
    # heading on its own dpv:Process, with the closest DPV purpose.
    expected = {
        "1. Algemeen contact": DPV + "CommunicationForCustomerCare",
        "2. Ter uitvoering van een overeenkomst": DPV + "FulfilmentOfContractualObligation",
        "3. Klantenaccount": DPV + "AccountManagement",
        "4. Direct marketing": DPV + "DirectMarketing",
        "5. Wettelijke verplichting": DPV + "LegalCompliance",
        "6. Het debiteurenbeheer en de incasso van vorderingen ten aanzien van onze debiteuren": DPV
        + "CustomerClaimsManagement",
        "7. Ter verdediging tegen juridische aanspraken": DPV + "DisputeManagement",
    }
    rows = q("""
        SELECT ?act ?q ?purpose WHERE {
          ?act a dpv:Process ; dpv:hasNotice :statement ; dpv:hasDataController :soosr ;
               dpv:hasPurpose ?purpose ; pg:hasEvidence/pg:quote ?q .
          FILTER(REGEX(?q, "^[1-7]\\\\.\\\\s"))
        }""")
    found: dict[str, tuple[str, set[str]]] = {}
    for row in rows:
        heading = squash(row["q"])
        act, purposes = found.setdefault(heading, (row["act"], set()))
        assert act == row["act"], f"heading {heading!r} quoted on two activities"
        purposes.add(row["purpose"])
    assert set(found) == set(expected)
    assert len({act for act, _ in found.values()}) == 7
    for heading, purpose in expected.items():
        assert purpose in found[heading][1], heading
    # plus the website contact form, the security situation and the reference sharing
    total = q("SELECT (COUNT(DISTINCT ?act) AS ?n) WHERE { ?act a dpv:Process }")
    assert total[0]["n"] == "10"


def test_financial_records_are_kept_seven_years() -> None:
    # "In dat geval geldt een wettelijke bewaarplicht van zeven jaar."
    assert a("""
        ASK {
          :statement dpv:hasStorageCondition ?sd .
          ?sd a dpv:StorageDuration ;
              dpv:hasDuration [ a dpv:TemporalDuration ; rdf:value "P7Y"^^xsd:duration ;
                                pg:approximateDays ?days ] ;
              pg:hasEvidence/pg:quote ?q .
          FILTER(CONTAINS(?q, "financiële administratie") && CONTAINS(?q, "zeven jaar"))
          FILTER(?days = 2555)
        }""")
    # the activities whose text names financial records carry it
    rows = q("""
        SELECT ?act WHERE {
          ?act a dpv:Process ; dpv:hasStorageCondition/dpv:hasDuration/rdf:value "P7Y"^^xsd:duration }""")
    assert {r["act"] for r in rows} == {ID + "act-contract", ID + "act-legal-obligation", ID + "act-debt-collection"}


def test_contact_form_data_are_erased_after_two_years() -> None:
    # "uw naam, telefoonnummer en e-mailadres" … "Na twee jaar worden deze gegevens gewist."
    rows = q("""
        SELECT ?value ?q WHERE {
          :act-website-contact dpv:hasStorageCondition ?sd .
          ?sd dpv:hasDuration [ a dpv:TemporalDuration ; rdf:value ?value ] ;
              pg:hasEvidence/pg:quote ?q }""")
    assert rows == [{"value": "P2Y", "q": "Na twee jaar worden deze gegevens gewist."}]
    data = q("SELECT ?d WHERE { :act-website-contact dpv:hasPersonalData ?d }")
    assert {r["d"] for r in data} == {PD + "Name", PD + "TelephoneNumber", PD + "EmailAddress"}
    assert a("ASK { :act-website-contact dpv:hasDataSubject pg:WebsiteVisitor ; pg:notStated dpv:hasLegalBasis }")


def test_no_transfer_to_a_third_country() -> None:
    rows = q("""
        SELECT ?answer ?q WHERE {
          :statement pg:hasAnswer ?t .
          ?t pg:topic pg:TransferOutsideEEA ; pg:answer ?answer ; pg:hasEvidence/pg:quote ?q }""")
    assert rows == [{
        "answer": PG + "No",
        "q": "Wij geven uw persoonsgegevens niet door aan een derde land of internationale organisatie.",
    }]


def test_no_automated_decision_making() -> None:
    rows = q("""
        SELECT ?answer ?q WHERE {
          :statement pg:hasAnswer ?t .
          ?t pg:topic pg:AutomatedDecisionMakingUsed ; pg:answer ?answer ; pg:hasEvidence/pg:quote ?q }""")
    assert rows == [{"answer": PG + "No", "q": "Er is geen sprake van geautomatiseerde besluitvorming."}]
    assert not a("ASK { ?act dpv:hasContext dpv:AutomatedDecisionMaking }")


def test_data_protection_officer_is_not_stated() -> None:
    # The text names no DPO and says nothing about one: silence, with nothing to quote.
    rows = q("""
        SELECT ?answer WHERE { :statement pg:hasAnswer ?t .
                               ?t pg:topic pg:DataProtectionOfficerAppointed ; pg:answer ?answer }""")
    assert rows == [{"answer": PG + "NotStated"}]
    assert not a("ASK { ?t pg:topic pg:DataProtectionOfficerAppointed ; pg:hasEvidence ?e }")
    assert not a("ASK { ?x dpv:hasDataProtectionOfficer ?dpo }")


def test_complaint_goes_to_the_dutch_dpa() -> None:
    # "u de mogelijkheid heeft om een klacht in te dienen bij de Autoriteit Persoonsgegevens"
    assert a("ASK { :statement dpv:hasRight eu-gdpr:A77 ; dpv:hasAuthority legal-nl:DPA-NL }")
    assert a("""
        ASK { :statement pg:hasAnswer ?t .
              ?t pg:topic pg:ComplaintToSupervisoryAuthority ; pg:answer pg:Yes ;
                 dpv:hasAuthority legal-nl:DPA-NL ; pg:hasEvidence/pg:quote ?q .
              FILTER(CONTAINS(?q, "klacht in te dienen bij de Autoriteit Persoonsgegevens")) }""")
    # the DPA term is the Dutch one from DPV
    assert a("ASK { legal-nl:DPA-NL dpv:hasJurisdiction loc:NL }")


def test_requests_go_to_info_address_and_are_answered_within_one_month() -> None:
    # "dan kunt u uw verzoek daartoe sturen naar info@soosr.com" / "doch uiterlijk binnen één maand"
    assert a('ASK { :statement pg:rightsContact "info@soosr.com" }')
    rows = q("""
        SELECT ?value ?days ?q WHERE {
          :statement pg:responseDeadline ?d .
          ?d a dpv:TemporalDuration ; rdf:value ?value ; pg:approximateDays ?days ;
             pg:hasEvidence/pg:quote ?q }""")
    assert len(rows) == 1
    assert rows[0]["value"] == "P1M"
    assert rows[0]["days"] == "30"
    assert "uiterlijk binnen één maand" in rows[0]["q"]


def test_identity_check_asks_for_a_masked_copy_of_an_id() -> None:
    rows = q("""
        SELECT ?check ?description WHERE {
          :statement pg:requestIdentityCheck ?check .
          ?check a pg:RequestIdentityCheck ; dct:description ?description }""")
    assert len(rows) == 1
    description = rows[0]["description"]
    for word in ("legitimatiebewijs", "pasfoto", "MRZ", "paspoortnummer", "burgerservicenummer"):
        assert word in description
    quotes = " ".join(r["q"] for r in q("SELECT ?q WHERE { :statement pg:requestIdentityCheck/pg:hasEvidence/pg:quote ?q }"))
    assert "een kopie van een geldig legitimatiebewijs aan ons te sturen" in quotes
    assert "burgerservicenummer af" in quotes
    assert "KopieID-app" in quotes
    # the project concept is a DPV organisational measure (identity management), related to the purpose
    assert a("ASK { pg:RequestIdentityCheck skos:broader dpv:IdentityManagementMethod ; skos:related dpv:IdentityVerification }")


def test_recipients_include_accountant_and_it_providers_and_processors_follow_the_dpa_sentence() -> None:
    rows = q("""
        SELECT ?r ?kind WHERE { :statement dpv:hasRecipient ?r . ?r a ?kind ; pg:hasEvidence ?e }""")
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(row["r"], set()).add(row["kind"])
    # categories 1–8 of "Delen van persoonsgegevens met derden"; 4 and 5 name several kinds of party
    assert len(kinds) == 11
    assert all(PG + "PartyCategory" in k for k in kinds.values())
    def having(kind: str) -> set[str]:
        return {r for r, k in kinds.items() if kind in k}
    assert having(PG + "Accountant") == {ID + "rec-accountant"}
    assert having(PG + "ITServiceProvider") >= {ID + "rec-ict", ID + "rec-platform"}
    assert having(PG + "HostingProvider") == {ID + "rec-hosting"}
    assert having(PG + "Insurer") == {ID + "rec-insurer", ID + "rec-legal-insurer"}
    for kind in ("DebtCollectionAgency", "LawFirm", "Adviser", "GovernmentAgency", "ClientOrganisation"):
        assert len(having(PG + kind)) == 1, kind
    # processing on SOOSR's behalf (verwerkersovereenkomst): platform, ICT, external server
    assert having(DPV + "DataProcessor") == {ID + "rec-platform", ID + "rec-ict", ID + "rec-hosting"}
    assert a("""ASK { :statement dpv:hasLegalMeasure dpv:ControllerProcessorAgreement ;
                      pg:hasEvidence [ pg:supports dpv:ControllerProcessorAgreement ; pg:quote ?q ] .
                      FILTER(CONTAINS(?q, "verwerkersovereenkomst")) }""")
    # category 1 is tied to performing the contract, as processor
    assert a("ASK { :act-contract dpv:hasDataProcessor :rec-platform }")


def test_legitimate_interest_activities_carry_their_stated_interest() -> None:
    # "Wij hebben onder meer in de navolgende situaties een gerechtvaardigd belang …": four bullets.
    rows = q("""
        SELECT ?act ?interest WHERE { ?act a dpv:Process ; dpv:hasLegalBasis eu-gdpr:A6-1-f ;
                                      pg:statedInterest ?interest }""")
    assert {r["act"]: r["interest"] for r in rows} == {
        ID + "act-direct-marketing": "om aan u als onze klant nieuwsbrieven te versturen",
        ID + "act-general-contact": "ten behoeve van algemeen klantcontact, zoals het beantwoorden van vragen en het afhandelen van klachten en vragen",
        ID + "act-security": "in het kader van beveiliging c.q. om diefstal tegen te gaan",
        ID + "act-legal-defence": "ter verdediging tegen juridische aanspraken",
    }
    # each has a quote that backs the basis itself
    for act in ("act-direct-marketing", "act-general-contact", "act-security", "act-legal-defence"):
        assert a(f"ASK {{ :{act} pg:hasEvidence [ pg:supports eu-gdpr:A6-1-f ] }}"), act


def test_bases_are_tied_only_where_the_text_ties_them() -> None:
    # Consent is listed without a purpose; contract and legal obligation follow purposes 2 and 5.
    untied = q("SELECT ?b WHERE { :statement pg:hasUntiedLegalBasis ?b }")
    assert [r["b"] for r in untied] == [GDPR + "A6-1-a"]
    assert a("ASK { :act-contract dpv:hasLegalBasis eu-gdpr:A6-1-b }")
    assert a("ASK { :act-legal-obligation dpv:hasLegalBasis eu-gdpr:A6-1-c }")
    silent = q("SELECT ?act WHERE { ?act a dpv:Process ; pg:notStated dpv:hasLegalBasis }")
    assert {r["act"] for r in silent} == {
        ID + "act-customer-account", ID + "act-debt-collection", ID + "act-website-contact", ID + "act-reference",
    }
    assert not a("ASK { ?act dpv:hasLegalBasis eu-gdpr:A6-1-a }")


def test_every_activity_has_evidence_and_says_or_is_silent_on_each_core_property() -> None:
    acts = {r["act"] for r in q("SELECT ?act WHERE { ?act a dpv:Process }")}
    with_evidence = {r["act"] for r in q("SELECT DISTINCT ?act WHERE { ?act a dpv:Process ; pg:hasEvidence ?e }")}
    assert acts and acts == with_evidence
    for prop in ("hasLegalBasis", "hasPersonalData", "hasDataSubject", "hasStorageCondition"):
        missing = q(f"""
            SELECT ?act WHERE {{ ?act a dpv:Process .
                                 FILTER NOT EXISTS {{ ?act dpv:{prop} ?v }}
                                 FILTER NOT EXISTS {{ ?act pg:notStated dpv:{prop} }} }}""")
        assert missing == [], prop
        both = q(f"SELECT ?act WHERE {{ ?act dpv:{prop} ?v ; pg:notStated dpv:{prop} }}")
        assert both == [], prop


def test_rights_each_have_their_own_quote() -> None:
    # access, rectification, erasure, restriction, objection, portability, withdrawal, complaint
    rights = {"A15", "A16", "A17", "A18", "A20", "A21", "A7-3", "A77"}
    stated = {r["r"].removeprefix(GDPR) for r in q("SELECT ?r WHERE { :statement dpv:hasRight ?r }")}
    assert stated == rights
    supported = {r["r"].removeprefix(GDPR) for r in q("""
        SELECT ?r WHERE { :statement dpv:hasRight ?r ; pg:hasEvidence/pg:supports ?r }""")}
    assert supported == rights
    assert a("""ASK { :statement pg:hasEvidence [ pg:supports eu-gdpr:A20 ; pg:quote "het recht op gegevensoverdraagbaarheid" ] }""")


def test_consent_withdrawal_and_contract_requirement_answers() -> None:
    assert a("""
        ASK { :statement pg:hasAnswer ?t . ?t pg:topic pg:ConsentWithdrawal ; pg:answer pg:Yes ;
              pg:hasEvidence/pg:quote ?q . FILTER(CONTAINS(?q, "op ieder moment in te trekken")) }""")
    rows = q("""
        SELECT ?d WHERE { :statement pg:hasAnswer ?t .
                          ?t pg:topic pg:StatutoryOrContractualRequirement ; pg:answer pg:Yes ;
                             dpv:hasPersonalData ?d }""")
    # "uw naam, functie, email, mate van tekenbevoegdheid, telefoonnummer, bedrijfsnaam, standplaats"
    assert {r["d"] for r in rows} == {
        PD + "Name", PD + "Job", PD + "EmailAddress", PG + "SigningAuthority", PD + "TelephoneNumber",
        PD + "CurrentEmployment", PD + "WorkLocation",
    }
    consequence = quotes_of(":answer-requirement")
    assert any("een goede uitvoering van de overeenkomst niet garanderen" in c for c in consequence)


def test_other_retention_rules() -> None:
    # "uiterlijk drie jaar nadat de overeenkomst is geëindigd" → until the event, plus three years
    assert a("""
        ASK { :act-contract dpv:hasStorageCondition ?sd .
              ?sd dpv:hasDuration ?d .
              ?d a dpv:UntilEventDuration ; rdf:value "einde van de overeenkomst"@nl ;
                 dpv:hasDuration "P3Y"^^xsd:duration ; pg:approximateDays ?days .
              FILTER(?days = 1095) }""")
    # "niet langer dan redelijkerwijs noodzakelijk" → indeterminate, on the statement
    assert a("""
        ASK { :statement dpv:hasStorageCondition ?sd .
              ?sd dpv:hasDuration [ a dpv:IndeterminateDuration ] ; pg:hasEvidence/pg:quote ?q .
              FILTER(CONTAINS(?q, "niet langer dan redelijkerwijs noodzakelijk")) }""")


def test_controller_security_measures_and_dates() -> None:
    assert a("""
        ASK { :soosr a dpv:DataController , dpv:Organisation ; dpv:hasName "SOOSR B.V." ;
                     dpv:hasAddress "Kapteynstraat 1, SBIC-building suite 330, 2201BB Noordwijk" ;
                     dpv:hasContact "info@soosr.com" , "071 202 0307" ; dpv:hasLocation loc:NL }""")
    # firewalls and SSL, access restricted, passwords changed, building secured, external checks
    assert a("""
        ASK { :statement dpv:hasTechnicalMeasure dpv:AccessControlMethod , dpv:EncryptionInTransfer ;
                         dpv:hasOrganisationalMeasure dpv:CredentialManagement , dpv:SecurityAudit ;
                         dpv:hasPhysicalMeasure dpv:PhysicalAccessControlMethod }""")
    assert a("""
        ASK { :statement pg:hasEvidence [ pg:supports dpv:SecurityAudit ; pg:quote ?q ] .
              FILTER(CONTAINS(?q, "(door externe partijen)")) }""")
    # "laatst bijgewerkt op 4 april 2019" / "Versie datum: 8 april 2019"
    assert a("""
        ASK { :source dct:modified "2019-04-04"^^xsd:date ; dct:issued "2019-04-08"^^xsd:date .
              :statement pg:hasAnswer [ pg:topic pg:StatementDate ; pg:answer pg:Yes ] }""")


def test_reference_sharing_is_limited_to_name_phone_and_email() -> None:
    # "gelimiteerd tot naam, telefoonnummer en emailadres delen met huidige en of potentiële klanten"
    data = q("SELECT ?d WHERE { ?act a dpv:Process ; dpv:hasRecipient :rec-reference-clients ; dpv:hasPersonalData ?d }")
    assert {r["d"] for r in data} == {PD + "Name", PD + "TelephoneNumber", PD + "EmailAddress"}


def test_every_quote_offset_slices_the_source_to_exactly_the_quote() -> None:
    with (ROOT / "data" / "sources" / f"{SLUG}.txt").open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    rows = q("""
        SELECT ?exact ?start ?end ?quote WHERE {
          ?ann a oa:Annotation ; pg:quote ?quote ; oa:hasTarget ?t .
          ?t oa:hasSource :source ; oa:hasSelector ?qs , ?ps .
          ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
          ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }""")
    assert len(rows) >= 100
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["exact"] == row["quote"]
        # soosr.ttl uses no pg:prefix, so every quote occurs exactly once in the text
        pattern = r"\s+".join(re.escape(w) for w in row["exact"].split())
        assert len(re.findall(pattern, text)) == 1, row["exact"]

