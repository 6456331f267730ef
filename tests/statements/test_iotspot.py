"""iotspot B.V. privacy statement (data/sources/iotspot.txt): expectations read from the text.

A workplace reservation service; the statement (24 mei 2018) is organised by data (art. 3 customer
data, art. 4 user data with a retention per item, art. 5 transaction data and purposes a–e), names
Amazon Web Services as host without saying where, ties no legal basis to any purpose and never
mentions a complaint to the supervisory authority.

Not encoded (the model has no place for these):

- Retention per data item inside one purpose: art. 4 d and 4 e each give one purpose for several
  items with different retention ("genereren we de volgende aan jou gekoppelde informatie die wordt
  verwerkt en opgeslagen tijdens het aangegeven tijdsbestek"); DPV ties a storage condition to an
  activity, so each item became its own activity with the group's purpose.
- Which data the art. 5 purposes use: "Wij genereren, verwerken en bewaren transactie, persoonlijke en
  privacygevoelige gegevens uitsluitend voor de volgende doeleinden" covers all data of art. 3 and 4;
  the activities carry only pd:ServiceConsumptionBehaviour and an unspecified dpv:PersonalData, and the
  retention node of the transaction data (art. 3/4 retention sits on their own activities).
- Anonymisation instead of deletion: "is deze informatie daarna in geen geval meer tot jou te herleiden
  en/of aan jou toe te rekenen" (encoded as a one-day storage duration plus dpv:Anonymisation).
- Customer organisation data without a pd: term: "De e-mail domeinnaam (-namen) van de
  Gebruikersgroepen", "Beschrijvende informatie over de geactiveerde locatie(s) voor jou, zoals
  afbeelding-, vloer-, zone- en sectornamen", the numbers of workplaces, rooms and users (art. 3 d–i).
- The guests' "machtigingsperiode" (no pd: term; only their name is encoded), and that guest data
  survive the user's unsubscription "zonder verband met jou" (quoted on the retention only).
- Optional data: "Je kunt optioneel de volgende extra informatie geven" (the requirement answer lists the
  required data; nothing marks the art. 4 b data as optional).
- Storage location without a duration: "om inhoud op jouw smart device te cachen" — pg:notStated works
  per property, and dpv:hasStorageCondition would hold the location while hiding that no duration is
  given, so the activity has pg:notStated dpv:hasStorageCondition and the location is not encoded.
- Internet tags as a technology: "Internet tags (ook bekend als single-pixel-GIF's, clear GIF's,
  onzichtbare GIF's en 1-op-1 GIF's)" (DPV 2.3 tech has tech:Cookie, no tracking pixel).
- Channels for requests other than e-mail: "hetzij via de App onder Accountinstellingen" and the
  deletion request "via het aanvraagformulier onderaan uw \"overzicht van jouw persoonlijke
  gegevens\""; the reply goes to the registered address ("op jouw geregistreerde e-mailadres"), which
  may act as an identity check but is not said to be one (pg:notStated pg:requestIdentityCheck).
- The named contact person for privacy questions: "ter attentie van Dhr. M. Lankhorst" (not a DPO;
  quoted on the DPO answer only).
- Negative statements: no personal data in shared workplace links ("Op geen enkele wijze bevatten de
  gedeelde gegevens persoonlijke gegevens."), no social-media login ("Je kunt niet registreren op onze
  Dienstverlening via de login van social media diensten"), no social-media cookies ("De cookies die
  zijn gekoppeld aan social mediadiensten worden niet door ons gebruikt"), and the disclaimer on
  internet security ("geen enkele overdracht van persoonsgegevens via het internet 100% veilig").
- Links to other websites and the change clause: "Deze Privacyverklaring is hoe dan ook niet van
  toepassing op desbetreffende websites." and "Wij behouden ons het recht voor om deze
  Privacyverklaring aan te passen".
"""

from __future__ import annotations

from decimal import Decimal
from conftest import short, source_text, statement_queries

SLUG = "iotspot"
TEXT = source_text(SLUG)


ID = "https://w3id.org/policygraph/id/iotspot/"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"


q, a = statement_queries(SLUG)


def retention_of(data: str) -> list[dict[str, str]]:
    """Storage durations of the activities that process ``data`` (a pd: CURIE), with their quotes."""
    return q(f"""
        SELECT ?act ?kind ?event ?length ?lengthType ?days ?quote WHERE {{
          ?act a dpv:Process ; dpv:hasPersonalData {data} ; dpv:hasStorageCondition ?sc .
          ?sc a dpv:StorageDuration ; dpv:hasDuration ?d ;
              pg:hasEvidence/pg:quote ?quote .
          ?d a ?kind .
          FILTER (?kind IN (dpv:TemporalDuration, dpv:UntilEventDuration))
          OPTIONAL {{ ?d a dpv:TemporalDuration ; rdf:value ?length ; pg:approximateDays ?days }}
          OPTIONAL {{ ?d a dpv:UntilEventDuration ; rdf:value ?event ; dpv:hasDuration ?length ;
                      pg:approximateDays ?days }}
          OPTIONAL {{ ?d a dpv:UntilEventDuration ; rdf:value ?event }}
          BIND (DATATYPE(?length) AS ?lengthType)
        }}""")


# --- Retention: generated and technical data with short retention -------------------------------

# Art. 4 d 4: "Jouw aanwezigheidsgegevens … wordt na het einde van de dag verwijderd."
def test_presence_data_are_deleted_at_the_end_of_the_day() -> None:
    [row] = retention_of("pd:CurrentLocation")
    assert row["act"] == ID + "act-presence"
    assert short(row["kind"]) == "UntilEventDuration"
    assert row["event"] == "einde van de dag"
    assert (row["length"], row["lengthType"]) == ("P1D", XSD_DURATION)
    assert Decimal(row["days"]) == 1
    assert "na het einde van de dag verwijderd" in row["quote"]


# Art. 4 e 2: "Aanvraagdatum, datum, IP-adres en inlognaam van jouw laatste inlog verzoek, die maximaal
# 6 (zes) weken worden opgeslagen en verwerkt".
def test_login_data_are_kept_at_most_six_weeks() -> None:
    [row] = retention_of("pd:AuthenticationHistory")
    assert row["act"] == ID + "act-last-login"
    assert short(row["kind"]) == "TemporalDuration"
    assert (row["length"], row["lengthType"]) == ("P42D", XSD_DURATION)
    assert Decimal(row["days"]) == 42
    assert "6 (zes) weken" in row["quote"]
    # the login record holds IP address and login name too
    assert a("ASK { :act-last-login dpv:hasPersonalData pd:IPAddress , pd:Username }")


# Art. 4 e 1: "Datum van jouw laatste gebruik van onze Diensten, … voor een periode van maximaal 52 weken".
def test_last_use_is_kept_at_most_52_weeks() -> None:
    rows = retention_of("pd:ServiceConsumptionBehaviour")
    [row] = [r for r in rows if r["act"] == ID + "act-last-use"]
    assert short(row["kind"]) == "TemporalDuration"
    assert (row["length"], row["lengthType"]) == ("P364D", XSD_DURATION)
    assert Decimal(row["days"]) == 364
    assert "maximaal 52 weken" in row["quote"]


# Art. 4 d 3: guests' data "worden opgeslagen vanaf de datum van uitnodiging tot de toegestane einddatum
# plus 6 weken", and guests are "gebruikers zonder domeinnaam van de Klant".
def test_guest_data_are_kept_until_the_end_date_plus_six_weeks() -> None:
    rows = q("""
        SELECT ?event ?length ?days ?quote WHERE {
          :act-guests dpv:hasDataSubject dpv:Visitor ; dpv:hasPersonalData pd:Name ;
                      dpv:hasStorageCondition ?sc .
          ?sc dpv:hasDuration ?d ; pg:hasEvidence/pg:quote ?quote .
          ?d a dpv:UntilEventDuration ; rdf:value ?event ; dpv:hasDuration ?length ; pg:approximateDays ?days .
          FILTER (DATATYPE(?length) = xsd:duration)
        }""")
    assert {r["event"] for r in rows} == {"toegestane einddatum van de gast"}
    assert {r["length"] for r in rows} == {"P42D"}
    assert {Decimal(r["days"]) for r in rows} == {42}
    assert any("tot de toegestane einddatum plus 6 weken" in r["quote"] for r in rows)


def test_short_retentions_sort_by_approximate_days() -> None:
    """Presence (end of day) < login (6 weeks) < last use (52 weeks), sorted by the derived length."""
    rows = q("""
        SELECT ?act ?days WHERE {
          VALUES ?act { :act-presence :act-last-login :act-last-use }
          ?act dpv:hasStorageCondition/dpv:hasDuration ?d .
          ?d pg:approximateDays ?days .
        } ORDER BY ?days""")
    assert [short(r["act"]) for r in rows] == ["act-presence", "act-last-login", "act-last-use"]
    assert a("""ASK {
        :act-last-use dpv:hasStorageCondition/dpv:hasDuration/pg:approximateDays ?year .
        :act-guests dpv:hasStorageCondition/dpv:hasDuration/pg:approximateDays ?guest .
        FILTER (?guest < ?year) }""")


# The durations are valid xsd:duration literals (weeks written as days), so SPARQL compares them directly.
def test_duration_literals_compare_as_xsd_durations() -> None:
    assert a("""ASK {
        :act-last-login dpv:hasStorageCondition/dpv:hasDuration/rdf:value ?login .
        :act-last-use dpv:hasStorageCondition/dpv:hasDuration/rdf:value ?use .
        FILTER (?login < ?use) }""")


# --- Hosting at Amazon Web Services, location not stated ----------------------------------------

def test_aws_is_the_named_host_without_a_location() -> None:
    rows = q("""
        SELECT ?name WHERE {
          :statement dpv:hasRecipient ?aws .
          ?aws a pg:HostingProvider , dpv:DataProcessor ; dpv:hasName ?name ;
               pg:hasEvidence/pg:quote ?quote .
          FILTER CONTAINS(?quote, "opgeslagen op servers van onze dienstverlener Amazon Web Services")
        }""")
    assert [r["name"] for r in rows] == ["Amazon Web Services"]
    assert not a("ASK { :rec-aws dpv:hasLocation ?where }")
    assert not a("ASK { ?anything dpv:hasCountry|dpv:hasThirdCountry ?country }")


def test_transfer_outside_eea_is_not_stated_but_flags_the_aws_sentence() -> None:
    rows = q("""
        SELECT ?answer ?quote ?note WHERE {
          :statement pg:hasAnswer ?ans .
          ?ans pg:topic pg:TransferOutsideEEA ; pg:answer ?answer ; pg:ambiguity ?note ;
               pg:hasEvidence/pg:quote ?quote .
          FILTER NOT EXISTS { ?ans pg:concerns ?scope }
        }""")
    assert len(rows) == 1
    assert short(rows[0]["answer"]) == "NotStated"
    assert "Amazon Web Services" in rows[0]["quote"]
    assert "AWS" in rows[0]["note"] or "Amazon" in rows[0]["note"]
    assert not a("ASK { ?ans pg:topic pg:TransferOutsideEEA ; pg:answer ?v FILTER (?v != pg:NotStated) }")


# --- Legal bases: none per purpose --------------------------------------------------------------

def test_no_activity_has_a_legal_basis() -> None:
    acts = q("SELECT ?act WHERE { ?act a dpv:Process }")
    assert len(acts) == 19
    assert not a("ASK { ?act a dpv:Process ; dpv:hasLegalBasis ?basis }")
    assert not a("ASK { ?act a dpv:Process FILTER NOT EXISTS { ?act pg:notStated dpv:hasLegalBasis } }")
    [answer] = q("SELECT ?v WHERE { :statement pg:hasAnswer [ pg:topic pg:LegalBasisPerPurpose ; pg:answer ?v ] }")
    assert short(answer["v"]) == "NotStated"


# Art. 2 asks "expliciet en ondubbelzinnige toestemming"; art. 6 adds "uitvoering van de diensten die jij
# wilt gebruiken" and "wettelijk vereist" as conditions for disclosure — none tied to a purpose.
def test_untied_bases_are_consent_contract_and_legal_obligation() -> None:
    rows = q("""
        SELECT ?basis ?quote WHERE {
          :statement pg:hasUntiedLegalBasis ?basis ;
                     pg:hasEvidence [ pg:supports ?basis ; pg:quote ?quote ] .
        }""")
    assert {short(r["basis"]) for r in rows} == {"A6-1-a", "A6-1-b", "A6-1-c"}
    consent = {r["quote"] for r in rows if short(r["basis"]) == "A6-1-a"}
    assert any("expliciet en ondubbelzinnige toestemming" in quote for quote in consent)


# --- Rights, complaint, requests ----------------------------------------------------------------

# Art. 7: inzien en controleren (A15), wijzigen (A16), afschermen (A18), verzetten (A21), wissen (A17).
def test_rights_each_with_their_own_quote() -> None:
    rows = q("""
        SELECT ?right ?quote WHERE {
          :statement dpv:hasRight ?right ; pg:hasEvidence [ pg:supports ?right ; pg:quote ?quote ] .
        }""")
    quotes: dict[str, set[str]] = {}
    for row in rows:
        quotes.setdefault(short(row["right"]), set()).add(row["quote"])
    assert set(quotes) == {"A15", "A16", "A17", "A18", "A21"}
    assert any("in te zien en te controleren" in quote for quote in quotes["A15"])
    assert any("te wissen" in quote for quote in quotes["A17"])
    assert any("af te schermen" in quote for quote in quotes["A18"])
    assert not a("ASK { :statement dpv:hasRight ?r FILTER (?r IN (eu-gdpr:A20, eu-gdpr:A7-3, eu-gdpr:A22, eu-gdpr:A77)) }")
    [contact] = q("SELECT ?c WHERE { :statement pg:rightsContact ?c }")
    assert contact["c"] == "support@iotspot.co"


def test_complaint_to_the_supervisory_authority_is_not_mentioned() -> None:
    assert "klacht" not in TEXT.lower() and "Autoriteit Persoonsgegevens" not in TEXT
    [row] = q("SELECT ?v WHERE { :statement pg:hasAnswer [ pg:topic pg:ComplaintToSupervisoryAuthority ; pg:answer ?v ] }")
    assert short(row["v"]) == "NotStated"
    assert not a("ASK { ?x dpv:hasAuthority ?authority }")
    assert not a("ASK { ?ans pg:topic pg:ComplaintToSupervisoryAuthority ; pg:hasEvidence ?quote }")


def test_response_deadline_and_identity_check_are_not_stated() -> None:
    assert a("ASK { :statement pg:notStated pg:responseDeadline , pg:requestIdentityCheck }")
    assert not a("ASK { :statement pg:responseDeadline|pg:requestIdentityCheck ?x }")


# --- Statement-wide answers, controller, date ---------------------------------------------------

def test_every_topic_has_exactly_one_statement_wide_answer() -> None:
    rows = q("""
        SELECT ?topic ?answer WHERE {
          :statement pg:hasAnswer ?ans . ?ans a pg:TopicAnswer ; pg:topic ?topic ; pg:answer ?answer .
          FILTER NOT EXISTS { ?ans pg:concerns ?scope }
        }""")
    answers = {short(r["topic"]): short(r["answer"]) for r in rows}
    assert len(rows) == len(answers) == 8
    assert answers == {
        "TransferOutsideEEA": "NotStated",
        "DataProtectionOfficerAppointed": "NotStated",  # only "ter attentie van Dhr. M. Lankhorst"
        "AutomatedDecisionMakingUsed": "NotStated",  # presence is registered automatically, no decision
        "ComplaintToSupervisoryAuthority": "NotStated",
        "ConsentWithdrawal": "NotStated",  # consent is asked (art. 2), withdrawal never mentioned
        "StatutoryOrContractualRequirement": "Yes",  # "Je bent verplicht om te verstrekken"
        "StatementDate": "Yes",
        "LegalBasisPerPurpose": "NotStated",
    }
    assert not a("ASK { ?org dpv:hasDataProtectionOfficer ?dpo }")
    assert not a("ASK { ?act dpv:hasContext dpv:AutomatedDecisionMaking }")


def test_controller_and_date() -> None:
    [row] = q("""
        SELECT ?name ?contact ?issued ?printed WHERE {
          :statement dpv:hasDataController ?c . ?c dpv:hasName ?name ; dpv:hasContact ?contact .
          :source dct:issued ?issued ; pg:datePrinted ?printed ; dct:publisher ?c .
        }""")
    assert (row["name"], row["contact"]) == ("iotspot B.V.", "support@iotspot.co")
    assert (row["issued"], row["printed"]) == ("2018-05-24", "24 mei 2018")
    assert not a("ASK { :iotspot dpv:hasLocation|dpv:hasAddress ?x }")  # no address is printed


# --- Activities, data subjects, recipients ------------------------------------------------------

def test_every_activity_states_or_marks_silence_for_the_four_properties() -> None:
    for prop in ("hasLegalBasis", "hasPersonalData", "hasDataSubject", "hasStorageCondition"):
        assert not a(f"""ASK {{ ?act a dpv:Process ; dpv:hasNotice :statement .
            FILTER NOT EXISTS {{ ?act dpv:{prop} ?v }}
            FILTER NOT EXISTS {{ ?act pg:notStated dpv:{prop} }} }}"""), prop


def test_data_subjects_are_customers_users_and_guests() -> None:
    rows = q("SELECT DISTINCT ?s WHERE { ?act a dpv:Process ; dpv:hasDataSubject ?s }")
    assert {short(r["s"]) for r in rows} == {"Customer", "User", "Visitor"}
    # art. 4 a: name and e-mail "zoals gekoppeld aan de e-mail domeinnaam van de Klant" (a work address)
    assert a("ASK { :act-user-registration dpv:hasDataSubject dpv:User ; dpv:hasPersonalData pd:Name , pd:EmailAddressWork , pd:Picture }")


# Art. 5 e i: "aan bepaalde derden zoals rechthebbenden, toezichthouders, belastingautoriteiten,
# justitie, politie en andere wet handhavende instanties".
def test_legal_disclosure_recipients_are_categories_not_names() -> None:
    rows = q("""
        SELECT ?label WHERE {
          :act-legal-disclosure dpv:hasPurpose dpv:LegalCompliance ; dpv:hasRecipient ?r .
          ?r a pg:PartyCategory ; skos:prefLabel ?label .
          FILTER NOT EXISTS { ?r dpv:hasName ?name }
        }""")
    assert {r["label"] for r in rows} == {
        "rechthebbenden",
        "toezichthouders",
        "belastingautoriteiten",
        "justitie, politie en andere wethandhavende instanties",
    }
    assert a("ASK { :rec-law-enforcement a pg:LawEnforcementAgency . :rec-tax a pg:GovernmentAgency }")


# Art. 3 "vereisen wij de volgende informatie van onze Klanten"; art. 4 a "Je bent verplicht om te
# verstrekken": 1) naam, 2) e-mailadres.
def test_requirement_answer_lists_the_required_data() -> None:
    rows = q("""
        SELECT ?data WHERE {
          :statement pg:hasAnswer ?ans .
          ?ans pg:topic pg:StatutoryOrContractualRequirement ; pg:answer pg:Yes ; dpv:hasPersonalData ?data .
        }""")
    assert {short(r["data"]) for r in rows} == {"Name", "EmailAddressWork", "PhysicalAddress", "Location", "Transaction"}
    assert not a("ASK { ?ans pg:topic pg:StatutoryOrContractualRequirement ; dpv:hasPersonalData pd:Picture }")


# Art. 5: transaction data are traceable "voor het huidige etmaal" only; the art. 3/4 data are excepted.
def test_transaction_data_are_traceable_for_the_current_day_only() -> None:
    rows = q("""
        SELECT DISTINCT ?data ?days WHERE {
          :act-research dpv:hasStorageCondition ?sc .
          ?sc dpv:hasPersonalData ?data ; dpv:hasDuration/pg:approximateDays ?days .
        }""")
    assert [(short(r["data"]), Decimal(r["days"])) for r in rows] == [("ServiceConsumptionBehaviour", 1)]
    assert a("ASK { :act-research dpv:hasTechnicalMeasure dpv:Anonymisation }")


# Art. 4 d 3: "Naam … van door jou uitgenodigde gasten": the guest's data come from the inviting user.
def test_guest_data_come_from_the_inviting_user() -> None:
    assert a("""ASK { :act-guests dpv:hasDataSource ?src . ?src a dpv:DataSource ;
        pg:hasEvidence/pg:quote "door jou uitgenodigde gasten" }""")


# --- Evidence -----------------------------------------------------------------------------------

def test_every_quote_slices_the_source_text_exactly() -> None:
    rows = q("""
        SELECT ?exact ?start ?end WHERE {
          ?ann a oa:Annotation ; oa:hasTarget ?t .
          ?t oa:hasSource :source ; oa:hasSelector ?bq , ?bp .
          ?bq oa:exact ?exact . ?bp oa:start ?start ; oa:end ?end .
        }""")
    assert len(rows) > 100
    for row in rows:
        assert TEXT[int(row["start"]) : int(row["end"])] == row["exact"]


def test_every_node_written_by_the_curator_has_evidence() -> None:
    assert not a("""ASK {
        ?n a ?type . FILTER (?type IN (dpv:Process, pg:TopicAnswer, dpv:StorageDuration, dpv:DataController,
                                       dpv:DataProcessor, pg:PartyCategory, dpv:PrivacyNotice))
        FILTER NOT EXISTS { ?n pg:hasEvidence ?e }
        FILTER NOT EXISTS { ?n pg:answer pg:NotStated }
    }""")
